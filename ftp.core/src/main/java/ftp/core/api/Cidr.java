package ftp.core.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare
 * address is a network of one.
 *
 * @param network the network address (host bits cleared)
 * @param prefixLength the number of leading bits that must match
 */
public record Cidr(InetAddress network, int prefixLength) {

    /**
     * Parses CIDR notation. Only literal addresses are accepted: no name lookups.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static Cidr parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        InetAddress address = Addresses.parseLiteral(slash < 0 ? value : value.substring(0, slash));
        int max = address.getAddress().length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = value.substring(slash + 1);
            try {
                prefix = Integer.parseInt(bits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' has an invalid prefix length '" + bits + "'", e);
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + value + "' has a prefix length outside 0.." + max);
            }
        }
        return new Cidr(mask(address, prefix), prefix);
    }

    /** Whether the address lies in this network (an IPv4 address never matches an IPv6 network). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.getAddress().length) {
            return false;
        }
        return network.equals(mask(address, prefixLength));
    }

    private static InetAddress mask(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
