package ftp.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;


import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;


/**
 * TLS in Felix: the policy service of ftp.tls serves a site with default settings over FTPES
 * and implicit FTPS (session reuse required), and a saved TLS setting applies after a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsIT extends FtpIT {

    @Before
    public void setUp() throws Exception {
        sites.user("tls-user", "tls-password");
    }

    @Test
    public void ftpesAndImplicitFtpsWithDefaultSettingsThenATlsSettingAfterARestart() throws Exception {
        int ftps = Sites.freePort();
        int ftp = sites.create("secure", Map.of("ftps.port", ftps));
        byte[] data = new byte[700_000];
        new Random(17).nextBytes(data);
        Path source = Files.write(Sites.data().resolve("tls-source.bin"), data);
        Path home = Sites.data().resolve("secure/tls-user");
        for (String url : List.of("ftp://127.0.0.1:" + ftp + "/explicit.bin", "ftps://127.0.0.1:" + ftps + "/implicit.bin")) {
            curl("-T", source.toString(), url);
            Path back = Sites.data().resolve("tls-back.bin");
            curl("-o", back.toString(), url);
            assertArrayEquals(url, data, Files.readAllBytes(back));
        }
        assertArrayEquals(data, Files.readAllBytes(home.resolve("explicit.bin")));
        assertArrayEquals(data, Files.readAllBytes(home.resolve("implicit.bin")));
        assertTrue(curl("-v", "--tlsv1.3", "ftp://127.0.0.1:" + ftp + "/").contains("TLSv1.3"));

        sites.change("secure", Map.of("tls.maxVersion", "TLSv1.2"));
        Sites.await(() -> sites.status("secure").restartPending(), "restart pending");
        assertTrue("not before the restart", curl("-v", "--tlsv1.3", "ftp://127.0.0.1:" + ftp + "/").contains("TLSv1.3"));
        administration.restart("secure");
        assertEquals("a TLS 1.3-only client is refused after the restart", 35,
                exitCode("--tlsv1.3", "ftp://127.0.0.1:" + ftp + "/"));
        assertTrue(curl("-v", "ftp://127.0.0.1:" + ftp + "/").contains("TLSv1.2"));
    }

    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail", "-k", "--ssl-reqd", "-u",
                "tls-user:tls-password"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String curl(String... arguments) throws Exception {
        Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(output, 0, process.exitValue());
        return output;
    }

    /** curl's exit code: 35 is "SSL connect error" (the handshake failed). */
    private static int exitCode(String... arguments) throws Exception {
        Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process.exitValue();
    }
}
