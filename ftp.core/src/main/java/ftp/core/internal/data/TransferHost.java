package ftp.core.internal.data;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ftp.core.api.DataConnections.Direction;
import ftp.core.api.Reply;
import ftp.core.api.SiteSettings;
import ftp.core.api.VirtualFile;

/** What the data connections need from their control session. */
public interface TransferHost {

    SiteSettings settings();

    InetSocketAddress remoteAddress();

    /** Who is logged in, for log lines ({@code -} before a login). */
    default String userName() {
        return "-";
    }

    InetSocketAddress localAddress();

    boolean controlProtected();

    /**
     * What protects this session's data connections after PROT P; empty when they are in the
     * clear.
     */
    Optional<DataProtector> dataProtector();

    /** Runs the server side of the TLS handshake on a data socket (see ConnectionTls#protectData). */
    @FunctionalInterface
    interface DataProtector {
        Socket protect(Socket plain, boolean upload) throws IOException;
    }

    void reply(Reply reply);

    /** Called after the final reply of a transfer was sent. */
    void transferEnded();

    /**
     * A file transfer ended (after its connection was open): for the site's transfer log, events
     * and metrics.
     */
    void transferred(VirtualFile file, Direction direction, long bytes, Instant started, Duration duration, boolean complete);
}
