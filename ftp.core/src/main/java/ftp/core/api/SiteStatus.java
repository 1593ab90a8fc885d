package ftp.core.api;

/**
 * The state of one site.
 *
 * @param name the site's name
 * @param state running, stopped or failed
 * @param restartPending whether the saved configuration differs from the running one
 * @param bindAddress the bound address
 * @param ftpPort the plain/FTPES port, 0 = off
 * @param ftpsPort the implicit FTPS port, 0 = off
 * @param sessions the number of open control connections
 * @param message why the site failed, or why the saved configuration was refused; empty otherwise
 * @param certificate the TLS certificate the running site serves (subject, expiry, SHA-256
 *        fingerprint); empty when it does not run
 */
public record SiteStatus(String name, State state, boolean restartPending, String bindAddress, int ftpPort,
        int ftpsPort, int sessions, String message, String certificate) {

    /** The lifecycle state of a site. */
    public enum State {
        RUNNING, STOPPED, ERROR
    }
}
