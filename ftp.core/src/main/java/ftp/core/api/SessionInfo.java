package ftp.core.api;

import java.time.Instant;

/**
 * One open control connection.
 *
 * @param site the site's name
 * @param id the session id, unique per site
 * @param remote the client's address and port
 * @param user the logged-in user, or empty
 * @param protocol how the control connection is protected
 * @param since when it connected
 * @param transferring whether a transfer is under way
 */
public record SessionInfo(String site, long id, String remote, String user, SessionProtocol protocol,
        Instant since, boolean transferring) {
}
