package ftp.core.internal.activity;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.DataConnections.Direction;
import ftp.core.api.TransferRecord;
import ftp.core.api.TransferType;

/**
 * A site's transfer log in the xferlog format of wu-ftpd, which vsftpd ({@code xferlog_std_format}),
 * ProFTPD and pure-ftpd write and awstats, webalizer and scripts read: one line per file transfer
 * that ended,
 *
 * <pre>current-time transfer-time remote-host file-size filename transfer-type special-action-flag
 * direction access-mode username service-name authentication-method authenticated-user-id
 * completion-status</pre>
 *
 * e.g. {@code Tue Dec  1 15:40:54 2026 2 127.0.0.1 1048576 /up/a.bin b _ i r alice ftp 0 * c}.
 * The time is local, {@code transfer-time} whole seconds (at least 1, as the others write it),
 * {@code file-size} the octets moved, the file name the virtual path with every blank and
 * control character as {@code _} (one field, one line, as ProFTPD does). Lines are appended whole
 * (one write each, the file opened for append), so several sites may share a file.
 */
public final class TransferLog implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TransferLog.class);
    /** {@code ctime(3)}: day of the month space-padded. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private final Path path;
    /**
     * Not a FileChannel: an interrupted writer (a transfer thread of a stopping site) would close a
     * channel for every session; a stream's write is not interruptible.
     */
    private final OutputStream file;
    private final ZoneId zone;

    /** Opens (creates) the file for appending. */
    public TransferLog(Path path, ZoneId zone) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        this.path = path;
        this.file = new FileOutputStream(path.toFile(), true);
        this.zone = zone;
    }

    /** The record's line, without the line break. */
    public String line(TransferRecord transfer) {
        long seconds = Math.max(1, (transfer.duration().toMillis() + 500) / 1000);
        return String.join(" ", TIME.format(transfer.started().plus(transfer.duration()).atZone(zone)),
                Long.toString(seconds), transfer.client().getAddress().getHostAddress(), Long.toString(transfer.bytes()),
                field(transfer.file().path()), transfer.type() == TransferType.ASCII ? "a" : "b", "_",
                transfer.direction() == Direction.UPLOAD ? "i" : "o", "r", field(transfer.user()), "ftp", "0", "*",
                transfer.complete() ? "c" : "i");
    }

    /** Appends the record's line; a failing disk is logged, never a session's problem. */
    public void write(TransferRecord transfer) {
        byte[] bytes = (line(transfer) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (file) {
                file.write(bytes);
            }
        } catch (IOException e) {
            LOG.warn("Site {}: transfer log {} not written: {}", transfer.site(), path, e.toString());
        }
    }

    /** One field: blanks and control characters become {@code _}. */
    private static String field(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c) ? '_' : c));
        return out.length() == 0 ? "_" : out.toString();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
