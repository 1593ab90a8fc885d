package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done when": Python's ftplib fetches a 1 GiB file from the distribution in four
 * ranged RETRs (draft-bryan-ftp-range-08) on four parallel sessions and reassembles it; the result
 * has the file's SHA-256. Every 8 octets of the file hold their own offset, so a part that lands
 * in the wrong place, or a range one octet off, changes the digest.
 */
class RangedDownloadE2ETest {

    private static final long SIZE = 1L << 30;

    private static final String CLIENT = """
            import ftplib, hashlib, sys, threading
            port, size, parts, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
            with open(out, 'wb') as f:
                f.truncate(size)
            errors = []
            def fetch(i):
                try:
                    start = i * (size // parts)
                    end = size - 1 if i == parts - 1 else start + size // parts - 1
                    ftp = ftplib.FTP()
                    ftp.connect('127.0.0.1', port, timeout=60)
                    ftp.login('e2e', 'e2e-password')
                    ftp.voidcmd('TYPE I')
                    reply = ftp.sendcmd('RANG %d %d' % (start, end))
                    assert reply.startswith('350'), reply
                    conn = ftp.transfercmd('RETR big.bin')
                    got = 0
                    with open(out, 'r+b') as f:
                        f.seek(start)
                        while True:
                            chunk = conn.recv(1 << 20)
                            if not chunk:
                                break
                            f.write(chunk)
                            got += len(chunk)
                    conn.close()
                    ftp.voidresp()
                    assert got == end - start + 1, (i, got)
                    ftp.quit()
                except Exception as e:
                    errors.append(repr(e))
            threads = [threading.Thread(target=fetch, args=(i,)) for i in range(parts)]
            for t in threads: t.start()
            for t in threads: t.join()
            if errors:
                sys.exit('failed: %s' % errors)
            digest = hashlib.sha256()
            with open(out, 'rb') as f:
                for block in iter(lambda: f.read(1 << 20), b''):
                    digest.update(block)
            print(digest.hexdigest())
            """;

    @Test
    void fourParallelRangedRetrsReassembleAOneGibFile() throws Exception {
        Path output = Files.createDirectories(Path.of(System.getProperty("e2e.output", "target")));
        Path jar = Path.of(System.getProperty("ftp.server.jar", "../ftp.app/target/ftp-server.jar"));
        try (ServerProcess server = ServerProcess.start(jar, Files.createDirectories(output.resolve("range-homes")),
                output.resolve("range-server.log"), "Ranges")) {
            Path userHome = Files.createDirectories(server.home.resolve("data/sites/default/e2e"));
            Path big = userHome.resolve("big.bin");
            Path back = output.resolve("range-reassembled.bin");
            try {
                String expected = writeOffsets(big);
                Path script = output.resolve("range-client.py");
                Files.writeString(script, CLIENT);
                String printed = run(List.of("python3", script.toString(), Integer.toString(server.ftpPort),
                        Long.toString(SIZE), "4", back.toString()));
                assertEquals(expected, printed.strip());
            } finally {
                Files.deleteIfExists(big);
                Files.deleteIfExists(back);
            }
        }
    }

    /** Writes {@link #SIZE} octets, each 8-octet word its own offset (little-endian); returns their SHA-256. */
    private static String writeOffsets(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer block = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long offset = 0; offset < SIZE; offset += block.capacity()) {
                block.clear();
                for (long word = offset; block.hasRemaining(); word += 8) {
                    block.putLong(word);
                }
                block.flip();
                digest.update(block.duplicate());
                while (block.hasRemaining()) {
                    channel.write(block);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the client failed: " + text);
        return text;
    }
}
