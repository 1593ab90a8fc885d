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
    long send(FileChannel file, long position) throws IOException;

    /**
     * Writes everything the client sends into {@code file} starting at {@code position}.
     *
     * @return the number of bytes received
     */
    long receive(FileChannel file, long position) throws IOException;
}
