package ftp.core.api;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The data-connection state of a session: at most one prepared connection (passive listener
 * or active target) at a time, used by the next transfer.
 */
@ProviderType
public interface DataConnections {

    /**
     * Opens a passive listener on a free port of {@code pasv.ports}.
     *
     * @return the address to announce (chosen by the site's passive addressing rules) and the
     *         listening port
     * @throws ReplyException {@code 425} when no port is free
     */
    InetSocketAddress passive() throws IOException;

    /**
     * Prepares an active connection to the client. With {@code port.useControlIp} the control
     * connection's remote address replaces the one given.
     *
     * @throws ReplyException {@code 504}/{@code 501} for a target that is refused (another host, a
     *         port below 1024, or after {@code EPSV ALL})
     */
    void active(InetSocketAddress target) throws ReplyException;

    /** After {@code EPSV ALL}: only EPSV may prepare connections from now on (RFC 2428 section 4). */
    void restrictToExtendedPassive();

    /** Whether {@code EPSV ALL} was sent. */
    boolean extendedPassiveOnly();

    /** Whether a connection is prepared for the next transfer. */
    boolean prepared();

    /**
     * Starts a transfer on the prepared connection and returns at once: the core opens the
     * connection (protected with TLS after PROT P), sends {@code 150 <opening>}, runs the transfer
     * off the network threads and answers with its reply ({@code 425} when no connection could be
     * opened, {@code 522} when a protected one did not resume the control session, {@code 521}
     * when the site requires protection and PROT C is set, {@code 426} when it broke or was aborted).
     */
    void transfer(String opening, Direction direction, DataTransfer transfer);

    /**
     * A file transfer (RETR, STOR, APPE, STOU): as {@link #transfer(String, Direction, DataTransfer)},
     * and once its connection was open the site records how it ended as a {@link TransferRecord}
     * (its transfer log, events and metrics).
     *
     * @since 1.3
     */
    void transfer(String opening, Direction direction, VirtualFile file, DataTransfer transfer);

    /**
     * A listing download (LIST, NLST, MLSD): one UTF-8 line per entry, ended by CRLF, formatted
     * while it is sent through a 64 KiB buffer, so a large directory never becomes one string in
     * memory. Entries whose line is null are left out. Read everything that can fail (the
     * entries and their attributes) before calling this, so that errors come before {@code 150}.
     *
     * @since 1.2
     */
    default <T> void sendLines(String opening, List<T> entries, Function<? super T, String> line) {
        sendLines(opening, entries.stream(), line);
    }

    /**
     * As {@link #sendLines(String, List, Function)}, for entries produced while they are sent
     * ({@link FileSystemView#listing}); the stream is closed when the transfer ends, and when no
     * data connection could be opened.
     *
     * @since 1.4
     */
    default <T> void sendLines(String opening, Stream<T> entries, Function<? super T, String> line) {
        transfer(opening, Direction.DOWNLOAD, new DataTransfer() {
            @Override
            public Reply run(DataChannel channel) throws IOException {
                try (entries) {
                    OutputStream out = new BufferedOutputStream(channel.output(), 64 << 10);
                    byte[] crlf = { '\r', '\n' };
                    for (Iterator<T> each = entries.iterator(); each.hasNext();) {
                        String text = line.apply(each.next());
                        if (text != null) {
                            out.write(text.getBytes(StandardCharsets.UTF_8)); // intrinsic for ASCII text, unlike a Writer
                            out.write(crlf);
                        }
                    }
                    out.flush();
                    return Reply.of(226, "Transfer complete");
                }
            }

            @Override
            public void abandoned() {
                entries.close();
            }
        });
    }

    /** Which way a transfer's bytes flow; TLS treats uploads differently (DESIGN section 6a). */
    enum Direction {
        /** Server to client: RETR, LIST, NLST, MLSD. */
        DOWNLOAD,
        /** Client to server: STOR, APPE, STOU. */
        UPLOAD
    }

    /** Aborts the transfer under way, if any (ABOR). @return whether one was running */
    boolean abort();

    /** Whether a transfer is under way. */
    boolean transferring();

    /** Bytes moved by the transfer under way, or -1 when none runs (for STAT). */
    long bytesTransferred();
}
