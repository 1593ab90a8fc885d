package ftp.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

import org.osgi.annotation.versioning.ProviderType;

/** An open data connection, seen by a {@link DataTransfer}. */
@ProviderType
public interface DataChannel {

    /** Bytes from the client. */
    InputStream input() throws IOException;

    /** Bytes to the client. */
    OutputStream output() throws IOException;

    /**
     * Sends {@code file} from {@code position} to its end, without copying through the Java
     * heap when the connection is plain.
     *
     * @return the number of bytes sent
     */
    default long send(FileChannel file, long position) throws IOException {
        return send(file, position, Long.MAX_VALUE);
    }

    /**
     * Sends at most {@code count} bytes of {@code file} from {@code position}, fewer when the
     * file ends first.
     *
     * @return the number of bytes sent
     * @since 1.2
     */
    long send(FileChannel file, long position, long count) throws IOException;

    /**
     * Writes everything the client sends into {@code file} starting at {@code position}.
     *
     * @return the number of bytes received
     */
    default long receive(FileChannel file, long position) throws IOException {
        return receive(file, position, Long.MAX_VALUE);
    }

    /**
     * Writes what the client sends into {@code file} starting at {@code position}, at most
     * {@code limit} bytes; once {@code limit} bytes have arrived nothing more is read, so
     * {@link #input()} tells whether the client sent more.
     *
     * @return the number of bytes received
     * @since 1.2
     */
    long receive(FileChannel file, long position, long limit) throws IOException;
}
