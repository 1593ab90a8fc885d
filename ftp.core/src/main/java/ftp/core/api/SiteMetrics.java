package ftp.core.api;

import java.util.Map;

/**
 * The counters of a running site since it started (a restart starts them again from 0), as the
 * shell, JMX and the Prometheus endpoint show them.
 *
 * @param site the site's name
 * @param sessions the sessions open now
 * @param loginsSucceeded logins that succeeded
 * @param loginsFailed logins refused (unknown user, wrong password, protocol or site not allowed)
 * @param loginsBanned logins refused because the client was banned ({@code limits.maxLoginFailures})
 * @param uploads file uploads that completed
 * @param downloads file downloads that completed
 * @param bytesUploaded octets received by file transfers, completed or not
 * @param bytesDownloaded octets sent by file transfers, completed or not
 * @param transferFailures file transfers that did not complete
 * @param tlsSessions control connections that completed a TLS handshake, by protocol version
 * @since 1.3
 */
public record SiteMetrics(String site, int sessions, long loginsSucceeded, long loginsFailed, long loginsBanned,
        long uploads, long downloads, long bytesUploaded, long bytesDownloaded, long transferFailures,
        Map<String, Long> tlsSessions) {

    public SiteMetrics {
        tlsSessions = Map.copyOf(tlsSessions);
    }
}
