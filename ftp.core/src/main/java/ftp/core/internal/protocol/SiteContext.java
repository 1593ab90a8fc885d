package ftp.core.internal.protocol;

import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

import ftp.core.api.SessionKey;
import ftp.core.api.SiteSettings;
import ftp.core.api.SiteTls;
import ftp.core.internal.activity.SiteActivity;
import ftp.core.internal.data.PassivePorts;
import ftp.core.internal.data.SendfilePump;
import ftp.core.internal.data.TransferWatchdog;

/**
 * What the sessions of one running site share. Built once when the site starts.
 *
 * @param settings the site's snapshot
 * @param commands the command whiteboard
 * @param authenticator the login policy
 * @param commandPool runs commands (file work) off the network threads
 * @param loginPool checks passwords: a few threads, so that a login storm takes neither the
 *        command pool nor every core
 * @param transferPool runs data transfers
 * @param flushPool flushes uploads to disk while they arrive (durable sites)
 * @param sendfilePump sends files to plain data connections
 * @param watchdog ends stalled transfers
 * @param passivePorts the passive port range
 * @param state what commands share across the site's sessions ({@code FtpSession.siteState})
 * @param tls the site's TLS, from the policy service
 * @param heavyWork the permits of {@code limits.maxHeavyCommands}: commands reading whole files
 * @param activity records what the sessions did (transfer log)
 */
public record SiteContext(SiteSettings settings, CommandRegistry commands, Authenticator authenticator,
        ExecutorService commandPool, ExecutorService loginPool, ExecutorService transferPool, ExecutorService flushPool,
        SendfilePump sendfilePump, TransferWatchdog watchdog,
        PassivePorts passivePorts, ConcurrentMap<SessionKey<?>, Object> state, SiteTls tls, Semaphore heavyWork,
        SiteActivity activity) {
}
