package ftp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void slash8() throws Exception {
        Cidr loopback = Cidr.parse("127.0.0.0/8");
        assertTrue(loopback.contains(ip("127.0.0.2")));
        assertTrue(loopback.contains(ip("127.255.255.255")));
        assertFalse(loopback.contains(ip("128.0.0.1")));
        assertFalse(Cidr.parse("10.0.0.0/8").contains(ip("127.0.0.2")));
        assertTrue(Cidr.parse("10.0.0.0/8").contains(ip("10.200.1.1")));
    }

    @Test
    void slash24() throws Exception {
        Cidr net = Cidr.parse("192.168.1.0/24");
        assertTrue(net.contains(ip("192.168.1.0")));
        assertTrue(net.contains(ip("192.168.1.254")));
        assertFalse(net.contains(ip("192.168.2.1")));
    }

    @Test
    void nonByteAlignedPrefix() throws Exception {
        Cidr net = Cidr.parse("172.16.0.0/12");
        assertTrue(net.contains(ip("172.31.255.1")));
        assertFalse(net.contains(ip("172.32.0.1")));
    }

    @Test
    void slash32MatchesOneAddress() throws Exception {
        Cidr net = Cidr.parse("10.1.2.3/32");
        assertTrue(net.contains(ip("10.1.2.3")));
        assertFalse(net.contains(ip("10.1.2.4")));
    }

    @Test
    void bareAddressIsSlash32() throws Exception {
        Cidr net = Cidr.parse("10.1.2.3");
        assertEquals(32, net.prefixLength());
        assertEquals(Cidr.parse("10.1.2.3/32"), net);
        assertTrue(net.contains(ip("10.1.2.3")));
        assertFalse(net.contains(ip("10.1.2.2")));
    }

    @Test
    void hostBitsAreCleared() throws Exception {
        Cidr net = Cidr.parse("10.1.2.3/8");
        assertEquals(ip("10.0.0.0"), net.network());
        assertEquals("10.0.0.0/8", net.toString());
    }

    @Test
    void slash0MatchesEveryIpv4Address() throws Exception {
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
    }

    @Test
    void ipv6Network() throws Exception {
        Cidr net = Cidr.parse("fd00::/8");
        assertEquals(8, net.prefixLength());
        assertTrue(net.contains(ip("fd12:3456::1")));
        assertFalse(net.contains(ip("fe80::1")));
        assertFalse(net.contains(ip("::1")));
    }

    @Test
    void bareIpv6AddressIsSlash128() throws Exception {
        Cidr net = Cidr.parse("::1");
        assertEquals(128, net.prefixLength());
        assertTrue(net.contains(ip("::1")));
        assertFalse(net.contains(ip("::2")));
    }

    @Test
    void familiesNeverMatchEachOther() throws Exception {
        assertFalse(Cidr.parse("::/0").contains(ip("10.0.0.1")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("fd00::1")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.0/33", "10.0.0.0/-1", "abc", "1.2.3.4/x", "localhost", "example.com",
            "256.0.0.1", "fd00::/129", "fd00::/x" })
    void badInputThrowsNamingTheInput(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertTrue(e.getMessage().contains("'" + text), () -> e.getMessage() + " does not name " + text);
    }

    /** With a prefix, a bad address part is named on its own ('10.0.0'), not with its prefix. */
    @ParameterizedTest
    @ValueSource(strings = { "10.0.0/8", "localhost/8", "abc/24" })
    void badAddressPartThrowsNamingTheAddress(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        String address = text.substring(0, text.indexOf('/'));
        assertTrue(e.getMessage().contains("'" + address + "'"), e.getMessage());
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
