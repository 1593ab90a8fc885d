package ftp.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ftp.core.api.Cidr;
import ftp.core.api.SiteSettings;

class PassiveAddressPolicyTest {

    private static final InetAddress CLIENT = ip("127.0.0.2");
    private static final InetAddress REMOTE_CLIENT = ip("198.51.100.7");
    private static final InetAddress CONTROL = ip("127.0.0.1");
    private static final InetAddress EXTERNAL = ip("203.0.113.10");
    private static final InetAddress EXTERNAL_TLS = ip("203.0.113.20");
    private static final List<Cidr> LOOPBACK = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("127.0.0.0/8"));

    @Test
    void rule1ClientInLocalNetworkGetsControlAddressOverEverythingElse() {
        SiteSettings.Passive passive = passive(Optional.of(EXTERNAL), Optional.of(EXTERNAL_TLS), LOOPBACK, true);
        assertEquals(CONTROL, PassiveAddressPolicy.choose(passive, CLIENT, CONTROL, true));
        assertEquals(CONTROL, PassiveAddressPolicy.choose(passive, CLIENT, CONTROL, false));
        SiteSettings.Passive noControlIp = passive(Optional.of(EXTERNAL), Optional.of(EXTERNAL_TLS), LOOPBACK, false);
        assertEquals(CONTROL, PassiveAddressPolicy.choose(noControlIp, CLIENT, CONTROL, true));
    }

    @Test
    void rule1OnlyAppliesInsideTheLocalNetworks() {
        SiteSettings.Passive passive = passive(Optional.of(EXTERNAL), Optional.empty(), LOOPBACK, false);
        assertEquals(EXTERNAL, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, CONTROL, false));
    }

    @Test
    void rule2UseControlIpWinsOverExternalAddresses() {
        SiteSettings.Passive passive = passive(Optional.of(EXTERNAL), Optional.of(EXTERNAL_TLS), List.of(), true);
        assertEquals(CONTROL, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, CONTROL, true));
        assertEquals(CONTROL, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, CONTROL, false));
    }

    @Test
    void rule3ProtectedControlUsesExternalIpTls() {
        SiteSettings.Passive passive = passive(Optional.of(EXTERNAL), Optional.of(EXTERNAL_TLS), List.of(), false);
        assertEquals(EXTERNAL_TLS, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, CONTROL, true));
    }

    @Test
    void rule3DoesNotApplyToUnprotectedControl() {
        SiteSettings.Passive both = passive(Optional.of(EXTERNAL), Optional.of(EXTERNAL_TLS), List.of(), false);
        assertEquals(EXTERNAL, PassiveAddressPolicy.choose(both, REMOTE_CLIENT, CONTROL, false));
        SiteSettings.Passive tlsOnly = passive(Optional.empty(), Optional.of(EXTERNAL_TLS), List.of(), false);
        assertEquals(CONTROL, PassiveAddressPolicy.choose(tlsOnly, REMOTE_CLIENT, CONTROL, false));
    }

    @Test
    void rule4ExternalIp() {
        SiteSettings.Passive passive = passive(Optional.of(EXTERNAL), Optional.empty(), List.of(), false);
        assertEquals(EXTERNAL, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, CONTROL, false));
        assertEquals(EXTERNAL, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, CONTROL, true));
    }

    @Test
    void rule5NothingSetGivesControlAddress() {
        SiteSettings.Passive passive = passive(Optional.empty(), Optional.empty(), List.of(), false);
        InetAddress otherControl = ip("192.0.2.1");
        assertEquals(otherControl, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, otherControl, false));
        assertEquals(otherControl, PassiveAddressPolicy.choose(passive, REMOTE_CLIENT, otherControl, true));
    }

    private static SiteSettings.Passive passive(Optional<InetAddress> externalIp, Optional<InetAddress> externalIpTls,
            List<Cidr> localNetworks, boolean useControlIp) {
        return new SiteSettings.Passive(50000, 50100, externalIp, externalIpTls, localNetworks, useControlIp, false);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
