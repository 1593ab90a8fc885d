package ftp.core.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;

import java.time.Duration;

import ftp.core.api.AtomicWrite;
import ftp.core.api.DataChannel;
import ftp.core.api.FtpSession;
import ftp.core.api.TransferRange;
import ftp.core.api.TransferType;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import ftp.core.internal.data.AsciiInputStream;

/** What STOR, APPE and STOU share: the target checks and the receiving loop. */
final class Uploads {

    private Uploads() {
    }

    /** Checks that an upload may create or replace {@code target}. */
    static void checkTarget(VirtualFile target) throws ReplyException {
        if (target.isRoot() || Files.isDirectory(target.file())) {
            throw new ReplyException(553, target.path() + ": is a directory");
        }
        if (!Files.isDirectory(target.file().getParent())) {
            throw new ReplyException(553, target.path() + ": parent directory does not exist");
        }
    }

    /**
     * How long a complete upload, once on disk, waits for its client's control connection to end
     * too: a killed client ends both at once, and its half upload must not replace the file (issue
     * 10 item 7). On a durable site the data is forced to disk first, which also gives MINA's I/O
     * thread time to see the control connection's end; a well-behaved client keeps it open for the
     * 226.
     */
    static final Duration COMMIT_GRACE = Duration.ofMillis(5);

    /**
     * Moves a complete upload over its target, unless the client's control connection ended with
     * it; on a durable site ({@code transfer.durable}) the data is on disk first.
     */
    static void commit(FtpSession session, VirtualFile target, AtomicWrite upload) throws IOException {
        finish(session, upload.channel());
        try {
            if (session.awaitClosed(COMMIT_GRACE)) {
                throw new IOException("the control connection ended with the upload of " + target.path()
                        + "; nobody asked for it, so it is discarded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before the upload of " + target.path() + " was committed", e);
        }
        upload.commit();
    }

    /** Ends a write into a file: on a durable site ({@code transfer.durable}) the data is forced to disk. */
    static void finish(FtpSession session, FileChannel file) throws IOException {
        if (session.settings().transfers().durable()) {
            file.force(false);
        }
    }

    /**
     * Writes exactly the octets of {@code range} into {@code file} (TYPE I): a client that sends
     * fewer or more gets {@code 426}; what lies beyond the range is never written.
     */
    static void receiveRange(DataChannel channel, FileChannel file, TransferRange range) throws IOException {
        long received = channel.receive(file, range.start(), range.length());
        if (received < range.length()) {
            throw new ReplyException(426, "Transfer aborted: the range " + range.start() + "-" + range.end() + " needs "
                    + range.length() + " octets, the client sent " + received);
        }
        if (channel.input().read() >= 0) {
            throw new ReplyException(426, "Transfer aborted: the client sent more than the " + range.length()
                    + " octets of the range " + range.start() + "-" + range.end() + "; the rest was not written");
        }
    }

    /** Writes what the client sends into {@code file} from {@code position}; TYPE A becomes LF line ends. */
    static long receive(FtpSession session, DataChannel channel, FileChannel file, long position) throws IOException {
        if (TransferType.of(session) == TransferType.BINARY) {
            return channel.receive(file, position);
        }
        InputStream in = new AsciiInputStream(channel.input());
        byte[] buffer = new byte[64 << 10];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            while (bytes.hasRemaining()) {
                position += file.write(bytes, position);
            }
            total += n;
        }
        return total;
    }
}
