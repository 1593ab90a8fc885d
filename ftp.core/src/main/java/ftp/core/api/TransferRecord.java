package ftp.core.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

import ftp.core.api.DataConnections.Direction;

/**
 * One file transfer that ended, completed or not: what the site's transfer log, its events and
 * its metrics see.
 *
 * @param site the site's name
 * @param user the login name
 * @param client the client's control connection address
 * @param file the file (its virtual path, and the real path in local storage)
 * @param direction upload or download
 * @param type the representation type the transfer ran in
 * @param bytes the octets moved on the data connection
 * @param started when the transfer started (after {@code 150})
 * @param duration how long it took
 * @param complete whether it ended with a positive reply ({@code 226}); false for an abort, a
 *        broken connection or a local error
 * @since 1.3
 */
public record TransferRecord(String site, String user, InetSocketAddress client, VirtualFile file, Direction direction,
        TransferType type, long bytes, Instant started, Duration duration, boolean complete) {
}
