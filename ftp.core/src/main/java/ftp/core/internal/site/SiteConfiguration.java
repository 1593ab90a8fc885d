package ftp.core.internal.site;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of the factory PID {@code ftp.site}: what Felix's configuration page and Karaf's
 * {@code config:} commands show. {@link SiteSettingsParser} reads and validates the same keys
 * with the same defaults (a unit test keeps the two in step).
 */
@ObjectClassDefinition(id = "ftp.site", name = "FTP site", description = "A virtual FTP / FTPES / FTPS site. "
        + "Changes take effect when the site is restarted.")
public @interface SiteConfiguration {

    @AttributeDefinition(name = "Name", description = "The site's name; defaults to the configuration file's "
            + "name (etc/ftp.site-<name>.cfg). Letters, digits, '.', '_' and '-'.", required = false)
    String name();

    @AttributeDefinition(name = "Bind address", description = "IP address the listeners bind (0.0.0.0 = all IPv4, :: = all).")
    String bind_address() default SiteSettingsParser.DEFAULT_BIND;

    @AttributeDefinition(name = "FTP port", description = "Port for plain FTP and FTPES (AUTH TLS); 0 = off.")
    int ftp_port() default SiteSettingsParser.DEFAULT_FTP_PORT;

    @AttributeDefinition(name = "FTPS port", description = "Port for implicit FTPS (TLS from the first byte); 0 = off.")
    int ftps_port() default SiteSettingsParser.DEFAULT_FTPS_PORT;

    @AttributeDefinition(name = "Root", description = "Storage root of the site; a relative path is resolved "
            + "against the server home. Empty = <data>/sites/<name>: <home>/data/sites/<name> standalone, "
            + "${karaf.base}/ftp/sites/<name> in Karaf.", required = false)
    String root();

    @AttributeDefinition(name = "Connection banner", description = "Sent with 220 when a client connects; may span lines.")
    String banner_connect() default SiteSettingsParser.DEFAULT_BANNER_CONNECT;

    @AttributeDefinition(name = "Login greeting", description = "Sent with 230 after a successful login; may span lines.")
    String banner_login() default SiteSettingsParser.DEFAULT_BANNER_LOGIN;

    @AttributeDefinition(name = "Login failure message", description = "Sent with 530 after a failed login; may span lines.")
    String banner_loginFailure() default SiteSettingsParser.DEFAULT_BANNER_LOGIN_FAILURE;

    @AttributeDefinition(name = "Logout message", description = "Sent with 221 on QUIT; may span lines.")
    String banner_logout() default SiteSettingsParser.DEFAULT_BANNER_LOGOUT;

    @AttributeDefinition(name = "Passive ports", description = "Range of ports for passive data connections, low-high.")
    String pasv_ports() default SiteSettingsParser.DEFAULT_PASV_PORTS;

    @AttributeDefinition(name = "External PASV IP", description = "Address announced in PASV replies (for NAT). "
            + "Empty = the server's address on the control connection.", required = false)
    String pasv_externalIp();

    @AttributeDefinition(name = "External PASV IP for TLS", description = "Address announced in PASV replies when the "
            + "control connection is protected by TLS (NAT routers cannot rewrite those). Empty = as without TLS.",
            required = false)
    String pasv_externalIpTls();

    @AttributeDefinition(name = "PASV local networks", description = "Clients in these networks (CIDR, IPv4 or IPv6) "
            + "get the server's address on the control connection, never the external one.", required = false)
    String[] pasv_localNetworks();

    @AttributeDefinition(name = "Use the control connection IP for PASV", description = "Always announce the server's "
            + "address on the control connection in PASV replies.")
    boolean pasv_useControlIp() default false;

    @AttributeDefinition(name = "Use the control connection IP for PORT", description = "Active mode connects to the "
            + "client's control connection address, whatever address PORT/EPRT names.")
    boolean port_useControlIp() default false;

    @AttributeDefinition(name = "Active mode (PORT, EPRT)", description = "Let clients ask the server to connect to them.")
    boolean feature_port() default true;

    @AttributeDefinition(name = "HASH", description = "File checksums on the server (HASH, RANG).")
    boolean feature_hash() default true;

    @AttributeDefinition(name = "COMB", description = "Combine uploaded parts into one file.")
    boolean feature_comb() default true;

    @AttributeDefinition(name = "STAT", description = "Session status and listings over the control connection.")
    boolean feature_stat() default true;

    @AttributeDefinition(name = "SYST", description = "Tell clients the system type.")
    boolean feature_syst() default true;

    @AttributeDefinition(name = "SITE", description = "SITE subcommands (CHMOD, UTIME and installed ones).")
    boolean feature_site() default true;

    @AttributeDefinition(name = "MLSD", description = "Machine-readable directory listings.")
    boolean feature_mlsd() default true;

    @AttributeDefinition(name = "MLST", description = "Machine-readable facts of one file.")
    boolean feature_mlst() default true;

    @AttributeDefinition(name = "MFMT", description = "Set a file's modification time.")
    boolean feature_mfmt() default true;

    @AttributeDefinition(name = "Force STARTTLS", description = "Plain FTP sessions must run AUTH TLS before login and "
            + "protect their data connections, whatever the user's protocol allowance.")
    boolean tls_forceStartTls() default false;

    @AttributeDefinition(name = "Minimum TLS version", description = "TLSv1.2 or TLSv1.3 (TLSv1 and TLSv1.1 only when set explicitly).")
    String tls_minVersion() default SiteSettingsParser.DEFAULT_TLS_MIN;

    @AttributeDefinition(name = "Maximum TLS version", description = "TLSv1.2 or TLSv1.3.")
    String tls_maxVersion() default SiteSettingsParser.DEFAULT_TLS_MAX;

    @AttributeDefinition(name = "Cipher suites", description = "Allowed cipher suites; empty = secure defaults.",
            required = false)
    String[] tls_cipherSuites();

    @AttributeDefinition(name = "Certificate", description = "PEM certificate chain; empty = a generated self-signed "
            + "certificate kept with the site's data.", required = false)
    String tls_certificate();

    @AttributeDefinition(name = "Private key", description = "PEM private key (PKCS#1 or PKCS#8) of the certificate.",
            required = false)
    String tls_privateKey();

    @AttributeDefinition(name = "Private key password", type = AttributeType.PASSWORD, description = "Password of an "
            + "encrypted private key.", required = false)
    String tls_privateKeyPassword();

    @AttributeDefinition(name = "Require TLS session reuse", description = "Protected data connections must resume the "
            + "control connection's TLS session.")
    boolean tls_requireSessionReuse() default true;

    @AttributeDefinition(name = "Max connections", description = "Control connections the site accepts at once.")
    int limits_maxConnections() default SiteSettingsParser.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(name = "Max connections per IP", description = "Control connections one client address may hold.")
    int limits_maxConnectionsPerIp() default SiteSettingsParser.DEFAULT_MAX_PER_IP;

    @AttributeDefinition(name = "Idle timeout (s)", description = "A control connection idle this long is closed.")
    int limits_idleTimeout() default SiteSettingsParser.DEFAULT_IDLE_TIMEOUT;

    @AttributeDefinition(name = "Data timeout (s)", description = "Longest wait for a data connection to open, and "
            + "longest time a transfer may move no data.")
    int limits_dataTimeout() default SiteSettingsParser.DEFAULT_DATA_TIMEOUT;

    @AttributeDefinition(name = "Max login failures", description = "Failed logins from one address before it is banned.")
    int limits_maxLoginFailures() default SiteSettingsParser.DEFAULT_MAX_LOGIN_FAILURES;

    @AttributeDefinition(name = "Ban time (s)", description = "How long a banned address is refused.")
    int limits_banTime() default SiteSettingsParser.DEFAULT_BAN_TIME;

    @AttributeDefinition(name = "Concurrent HASH computations", description = "HASH commands the site computes at "
            + "once; more get 450 (try again later).")
    int limits_maxConcurrentHashes() default SiteSettingsParser.DEFAULT_MAX_CONCURRENT_HASHES;

    @AttributeDefinition(name = "Largest HASH (bytes)", description = "The most bytes one HASH reads (the file or its "
            + "RANG range); larger requests get 556. 0 = no limit.")
    long limits_maxHashSize() default SiteSettingsParser.DEFAULT_MAX_HASH_SIZE;

    @AttributeDefinition(name = "Login timeout (s)", description = "A connection that has not logged in this long "
            + "after connecting is closed (421).")
    int limits_loginTimeout() default SiteSettingsParser.DEFAULT_LOGIN_TIMEOUT;

    @AttributeDefinition(name = "Command line timeout (s)", description = "A command line must be complete (end with "
            + "a line break) this long after its first byte, else the connection is closed (421).")
    int limits_lineTimeout() default SiteSettingsParser.DEFAULT_LINE_TIMEOUT;

    @AttributeDefinition(name = "TLS handshake timeout (s)", description = "The TLS handshake of a control connection "
            + "(implicit FTPS, or after AUTH TLS) must complete this fast, else the connection is closed. Data "
            + "connections' handshakes are bounded by the data timeout.")
    int limits_tlsHandshakeTimeout() default SiteSettingsParser.DEFAULT_TLS_HANDSHAKE_TIMEOUT;

    @AttributeDefinition(name = "Durable uploads", description = "An upload is on disk (fdatasync) before its 226, "
            + "so a 226 survives a power cut; flushing runs in the background while the upload arrives. Off: the "
            + "226 comes once the data is in the operating system's cache, as other FTP servers do.")
    boolean transfer_durable() default true;

    @AttributeDefinition(name = "Transfer log", description = "A file that gets one xferlog line (the format of "
            + "vsftpd, ProFTPD and pure-ftpd, which awstats and webalizer read) per file transfer, completed or "
            + "not; a relative path is resolved against the server home. Empty = none.", required = false)
    String transfer_log();

    @AttributeDefinition(name = "Concurrent heavy commands", description = "Commands that read or copy whole files "
            + "(HASH, COMB, installed commands that declare themselves heavy) the site runs at once; more get 450 "
            + "(try again later) at once, never a queue.")
    int limits_maxHeavyCommands() default SiteSettingsParser.DEFAULT_MAX_HEAVY_COMMANDS;
}
