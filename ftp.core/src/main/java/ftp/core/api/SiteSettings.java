package ftp.core.api;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validated, immutable settings of one site, taken when the site starts (factory PID
 * {@code ftp.site}). A running site never sees a later change: the operator restarts it.
 *
 * @param name the site's name
 * @param bindAddress the address the listeners bind ({@code bind.address})
 * @param ftpPort the plain/FTPES port, 0 = off ({@code ftp.port})
 * @param ftpsPort the implicit FTPS port, 0 = off ({@code ftps.port})
 * @param root the storage root, absolute ({@code root})
 * @param banners the four banners
 * @param passive passive-mode addressing
 * @param disabledFeatures the keys whose {@code feature.<key>} is false; every other feature is on
 * @param tls the TLS policy settings
 * @param limits connection and login limits
 * @param transfers how transfers end (since 1.2)
 */
public record SiteSettings(String name, InetAddress bindAddress, int ftpPort, int ftpsPort, Path root,
        Banners banners, Passive passive, Set<String> disabledFeatures, Tls tls, Limits limits, Transfers transfers) {

    public SiteSettings {
        disabledFeatures = Set.copyOf(disabledFeatures);
    }

    /** The 1.1 form: durable uploads. */
    public SiteSettings(String name, InetAddress bindAddress, int ftpPort, int ftpsPort, Path root, Banners banners,
            Passive passive, Set<String> disabledFeatures, Tls tls, Limits limits) {
        this(name, bindAddress, ftpPort, ftpsPort, root, banners, passive, disabledFeatures, tls, limits,
                new Transfers(true));
    }

    /** Whether the command with this feature key answers on this site; empty keys are always on. */
    public boolean featureEnabled(String key) {
        return key == null || key.isEmpty() || !disabledFeatures.contains(key);
    }

    /**
     * The banners, each possibly multi-line.
     *
     * @param connect sent with {@code 220} when a client connects
     * @param login sent with {@code 230} after a successful login
     * @param loginFailure sent with {@code 530} after a failed login
     * @param logout sent with {@code 221} on QUIT
     */
    public record Banners(String connect, String login, String loginFailure, String logout) {
    }

    /**
     * Passive-mode addressing (DESIGN section 6).
     *
     * @param portLow first port of {@code pasv.ports}
     * @param portHigh last port of {@code pasv.ports}
     * @param externalIp {@code pasv.externalIp}
     * @param externalIpTls {@code pasv.externalIpTls}
     * @param localNetworks {@code pasv.localNetworks}
     * @param useControlIp {@code pasv.useControlIp}
     * @param portUseControlIp {@code port.useControlIp}
     */
    public record Passive(int portLow, int portHigh, Optional<InetAddress> externalIp,
            Optional<InetAddress> externalIpTls, List<Cidr> localNetworks, boolean useControlIp,
            boolean portUseControlIp) {

        public Passive {
            localNetworks = List.copyOf(localNetworks);
        }
    }

    /**
     * The TLS policy settings, applied by the TLS bundle.
     *
     * @param forceStartTls {@code tls.forceStartTls}
     * @param minVersion {@code tls.minVersion}
     * @param maxVersion {@code tls.maxVersion}
     * @param cipherSuites {@code tls.cipherSuites}, empty = secure defaults
     * @param certificate {@code tls.certificate}, empty = generated
     * @param privateKey {@code tls.privateKey}
     * @param privateKeyPassword {@code tls.privateKeyPassword}, for an encrypted key
     * @param requireSessionReuse {@code tls.requireSessionReuse}
     */
    public record Tls(boolean forceStartTls, String minVersion, String maxVersion, List<String> cipherSuites,
            Optional<Path> certificate, Optional<Path> privateKey, Optional<String> privateKeyPassword,
            boolean requireSessionReuse) {

        public Tls {
            cipherSuites = List.copyOf(cipherSuites);
        }

        @Override
        public String toString() {
            // The key's password never reaches a log.
            return "Tls[forceStartTls=" + forceStartTls + ", minVersion=" + minVersion + ", maxVersion=" + maxVersion
                    + ", cipherSuites=" + cipherSuites + ", certificate=" + certificate + ", privateKey=" + privateKey
                    + ", requireSessionReuse=" + requireSessionReuse + "]";
        }
    }

    /**
     * Limits.
     *
     * @param maxConnections {@code limits.maxConnections}
     * @param maxConnectionsPerIp {@code limits.maxConnectionsPerIp}
     * @param idleTimeout {@code limits.idleTimeout}
     * @param dataTimeout {@code limits.dataTimeout}: connect/accept and stall limit of data connections
     * @param maxLoginFailures {@code limits.maxLoginFailures}
     * @param banTime {@code limits.banTime}
     * @param maxConcurrentHashes {@code limits.maxConcurrentHashes}: HASH computations the site runs at once
     * @param maxHashSize {@code limits.maxHashSize}: the most bytes one HASH reads, 0 = no limit
     * @param loginTimeout {@code limits.loginTimeout}: from connect to a successful login
     * @param lineTimeout {@code limits.lineTimeout}: from the first byte of a command line to its end
     * @param tlsHandshakeTimeout {@code limits.tlsHandshakeTimeout}: a control connection's TLS
     *        handshake (implicit FTPS or AUTH TLS)
     * @param maxHeavyCommands {@code limits.maxHeavyCommands}: commands reading whole files at once
     * @since 1.1 (the three timeouts and maxHeavyCommands)
     */
    public record Limits(int maxConnections, int maxConnectionsPerIp, Duration idleTimeout, Duration dataTimeout,
            int maxLoginFailures, Duration banTime, int maxConcurrentHashes, long maxHashSize, Duration loginTimeout,
            Duration lineTimeout, Duration tlsHandshakeTimeout, int maxHeavyCommands) {
    }

    /**
     * How transfers end.
     *
     * @param durable {@code transfer.durable}: an upload is forced to disk before its {@code 226}
     * @param log {@code transfer.log}: the xferlog file every file transfer is written to (since 1.3)
     * @since 1.2
     */
    public record Transfers(boolean durable, Optional<Path> log) {

        /** The 1.2 form: no transfer log. */
        public Transfers(boolean durable) {
            this(durable, Optional.empty());
        }
    }
}
