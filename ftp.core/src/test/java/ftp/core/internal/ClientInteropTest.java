package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real client programs against a real site: curl (libcurl), lftp and Python's ftplib. They must be
 * installed (.ci/run installs them); a missing client fails the test rather than skipping it.
 */
class ClientInteropTest extends SiteTest {
    byte[] data;

    @BeforeEach
    void createData() {
        data = new byte[2 * 1024 * 1024 + 3];
        new Random(1).nextBytes(data);
    }


    @Test
    void curlUploadsListsAndDownloads() throws Exception {
        Path source = dir.resolve("source.bin");
        Files.write(source, data);
        String url = "ftp://127.0.0.1:" + site.port() + "/";
        run("curl", "-sS", "--fail", "-u", TestSite.USER + ":" + TestSite.PASSWORD, "-T", source.toString(), url + "up.bin");
        assertArrayEquals(data, Files.readAllBytes(site.home().resolve("up.bin")));

        String listing = run("curl", "-sS", "--fail", "-u", TestSite.USER + ":" + TestSite.PASSWORD, url);
        assertTrue(listing.matches("-rw-r--r-- +1 ftp +ftp +" + data.length + " \\w{3} [ \\d]\\d \\d\\d:\\d\\d up\\.bin\r?\n"), listing);

        Path target = dir.resolve("down.bin");
        run("curl", "-sS", "--fail", "-u", TestSite.USER + ":" + TestSite.PASSWORD, "-o", target.toString(), url + "up.bin");
        assertArrayEquals(data, Files.readAllBytes(target));

        // Active-mode-less curl uses EPSV first; forcing PASV exercises the 227 path too.
        run("curl", "-sS", "--fail", "--disable-epsv", "-u", TestSite.USER + ":" + TestSite.PASSWORD, "-o",
                target.toString(), url + "up.bin");
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void lftpMirrorsATreeUpAndDown() throws Exception {
        Path local = Files.createDirectories(dir.resolve("tree/inner"));
        Files.write(local.resolve("blob.bin"), data);
        Files.writeString(dir.resolve("tree/readme.txt"), "hello lftp\n");
        String commands = "set net:max-retries 1; set net:timeout 10; mirror -R " + dir.resolve("tree") + " /up; "
                + "mirror /up " + dir.resolve("back") + "; cls -1 /up/inner; bye";
        String out = run("lftp", "-u", TestSite.USER + "," + TestSite.PASSWORD, "-p", Integer.toString(site.port()),
                "-e", commands, "127.0.0.1");
        assertEquals("/up/inner/blob.bin", out.strip());
        assertArrayEquals(data, Files.readAllBytes(site.home().resolve("up/inner/blob.bin")));
        assertEquals("hello lftp\n", Files.readString(site.home().resolve("up/readme.txt")));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("back/inner/blob.bin")));
    }

    @Test
    void pythonFtplibTransfersAndLists() throws Exception {
        Files.write(dir.resolve("source.bin"), data);
        String script = """
                import ftplib, hashlib, sys
                port, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
                ftp = ftplib.FTP()
                ftp.connect('127.0.0.1', port, timeout=20)
                ftp.login('alice', 'secret')
                ftp.mkd('sub dir')
                ftp.cwd('sub dir')
                with open(src, 'rb') as f:
                    ftp.storbinary('STOR py.bin', f)
                with open(dst, 'wb') as f:
                    ftp.retrbinary('RETR py.bin', f.write)
                print('pwd', ftp.pwd())
                print('size', ftp.size('py.bin'))
                print('names', ftp.nlst())
                ftp.rename('py.bin', 'renamed.bin')
                lines = []
                ftp.retrlines('LIST', lines.append)
                print('list', lines[0].split(None, 8)[8], len(lines))
                ftp.quit()
                """;
        Path file = dir.resolve("client.py");
        Files.writeString(file, script);
        String out = run("python3", file.toString(), Integer.toString(site.port()), dir.resolve("source.bin").toString(),
                dir.resolve("back.bin").toString());
        assertEquals(List.of("pwd /sub dir", "size " + data.length, "names ['py.bin']", "list renamed.bin 1"),
                out.lines().toList());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("back.bin")));
        assertArrayEquals(data, Files.readAllBytes(site.home().resolve("sub dir/renamed.bin")));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + text);
        return text;
    }
}
