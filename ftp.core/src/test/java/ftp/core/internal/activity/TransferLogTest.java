package ftp.core.internal.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.DataConnections.Direction;
import ftp.core.api.TransferRecord;
import ftp.core.api.TransferType;
import ftp.core.api.VirtualFile;
import ftp.core.internal.TestSite;

/** Issue 13: one xferlog line per file transfer, in the format awstats reads. */
class TransferLogTest {

    @TempDir
    Path dir;

    static TransferRecord record(String path, Direction direction, TransferType type, long bytes, boolean complete) {
        return new TransferRecord("main", "alice", new InetSocketAddress("192.0.2.7", 40000),
                new VirtualFile(path, Path.of("/srv" + path)), direction, type, bytes,
                Instant.parse("2026-12-01T09:05:03Z"), Duration.ofMillis(2400), complete);
    }

    @Test
    void aLineHasTheFourteenFieldsOfXferlog() throws Exception {
        try (TransferLog log = new TransferLog(dir.resolve("xferlog"), ZoneId.of("UTC"))) {
            assertEquals("Tue Dec  1 09:05:05 2026 2 192.0.2.7 1048576 /up/a.bin b _ i r alice ftp 0 * c",
                    log.line(record("/up/a.bin", Direction.UPLOAD, TransferType.BINARY, 1 << 20, true)));
            assertEquals("Tue Dec  1 09:05:05 2026 2 192.0.2.7 12 /my_file\u00e9_x.txt a _ o r alice ftp 0 * i",
                    log.line(record("/my file\u00e9\tx.txt", Direction.DOWNLOAD, TransferType.ASCII, 12, false)),
                    "one field per name: blanks and controls are _");
        }
    }

    @Test
    void aSiteLogsEveryFileTransferAndAwstatsReadsTheLines() throws Exception {
        Path xferlog = dir.resolve("log/xferlog");
        try (TestSite site = TestSite.start(dir, Map.of("transfer.log", xferlog.toString()))) {
            FTPClient ftp = site.login();
            byte[] data = new byte[300_000];
            assertTrue(ftp.storeFile("up load.bin", new ByteArrayInputStream(data)));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(ftp.retrieveFile("up load.bin", back));
            ftp.setFileType(FTP.ASCII_FILE_TYPE);
            assertTrue(ftp.storeFile("notes.txt", new ByteArrayInputStream("a\r\nb\r\n".getBytes(StandardCharsets.US_ASCII))));
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            // an aborted download: the client closes the data connection after a little of a file
            // larger than the socket buffers
            Files.write(site.home().resolve("big.bin"), new byte[32 << 20]);
            try (InputStream in = ftp.retrieveFileStream("big.bin")) {
                in.readNBytes(10);
            }
            ftp.completePendingCommand();
            assertTrue(ftp.listNames().length > 0, "a listing is no file transfer");
            ftp.logout();
        }
        List<String> lines = Files.readAllLines(xferlog);
        assertEquals(4, lines.size(), lines.toString());
        String all = String.join("\n", lines);
        assertTrue(lines.get(0).matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\d+ 127\\.0\\.0\\.1 300000 "
                + "/up_load\\.bin b _ i r alice ftp 0 \\* c"), all);
        assertTrue(lines.get(1).endsWith(" 300000 /up_load.bin b _ o r alice ftp 0 * c"), lines.get(1));
        assertTrue(lines.get(2).endsWith(" /notes.txt a _ i r alice ftp 0 * c"), lines.get(2));
        assertTrue(lines.get(3).matches(".* \\d+ /big\\.bin b _ o r alice ftp 0 \\* i"), lines.get(3));
        assertEquals(4, awstatsQualifiedRecords(xferlog), "awstats reads every line");
    }

    /** Runs awstats (Debian's package) on the log with the xferlog configuration of its FAQ. */
    private long awstatsQualifiedRecords(Path xferlog) throws Exception {
        Path config = Files.createDirectories(dir.resolve("awstats"));
        Files.writeString(config.resolve("awstats.ftp.conf"), String.join("\n",
                "LogFile=\"" + xferlog + "\"", "LogType=F",
                "LogFormat=\"%time3 %other %host %bytesd %url %other %other %method %other %logname %other %code %other %other\"",
                "LogSeparator=\"\\s\"", "SiteDomain=\"ftp.test\"", "DirData=\"" + config + "\"", "DNSLookup=0", ""));
        Process awstats = new ProcessBuilder("perl", "/usr/lib/cgi-bin/awstats.pl", "-config=ftp",
                "-configdir=" + config, "-update").redirectErrorStream(true).start();
        String output = new String(awstats.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(awstats.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, awstats.exitValue(), output);
        assertTrue(output.contains(" 0 corrupted records"), output);
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("(\\d+) new qualified records").matcher(output);
        assertTrue(found.find(), output);
        return Long.parseLong(found.group(1));
    }
}
