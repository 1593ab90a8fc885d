package ftp.core.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/** The work of one transfer command on an open data connection. */
@ConsumerType
@FunctionalInterface
public interface DataTransfer {

    /**
     * Moves the data. Runs on a transfer thread.
     *
     * @return the final reply, normally {@code 226}
     * @throws IOException answered with {@code 426} (connection lost) unless it is a
     *         {@link ReplyException}
     */
    Reply run(DataChannel channel) throws IOException;

    /**
     * Called instead of {@link #run} when no data connection could be opened, to undo what the
     * command prepared (a reserved file name, for example). Does nothing by default.
     */
    default void abandoned() {
    }
}
