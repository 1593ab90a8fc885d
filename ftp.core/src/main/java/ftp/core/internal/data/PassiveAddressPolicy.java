package ftp.core.internal.data;

import java.net.InetAddress;

import ftp.core.api.SiteSettings;

/**
 * Chooses the address announced in a PASV reply (DESIGN section 6), first rule that applies:
 * <ol>
 * <li>the client is inside {@code pasv.localNetworks}: the server's address on the control connection;</li>
 * <li>{@code pasv.useControlIp}: the server's address on the control connection;</li>
 * <li>the control connection is protected and {@code pasv.externalIpTls} is set: that address;</li>
 * <li>{@code pasv.externalIp} is set: that address;</li>
 * <li>otherwise the server's address on the control connection.</li>
 * </ol>
 */
public final class PassiveAddressPolicy {

    private PassiveAddressPolicy() {
    }

    public static InetAddress choose(SiteSettings.Passive passive, InetAddress client, InetAddress serverOnControl,
            boolean controlProtected) {
        if (passive.localNetworks().stream().anyMatch(network -> network.contains(client))) {
            return serverOnControl;
        }
        if (passive.useControlIp()) {
            return serverOnControl;
        }
        if (controlProtected && passive.externalIpTls().isPresent()) {
            return passive.externalIpTls().get();
        }
        return passive.externalIp().orElse(serverOnControl);
    }
}
