package ftp.core.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parsing of literal IP addresses without any name lookup. */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.]+)?");

    private Addresses() {
    }

    /**
     * Parses an IPv4 or IPv6 literal.
     *
     * @throws IllegalArgumentException when the text is not a literal address
     */
    public static InetAddress parseLiteral(String text) {
        String value = text.trim();
        boolean v6 = value.indexOf(':') >= 0;
        if (!(v6 ? IPV6.matcher(value).matches() : IPV4.matcher(value).matches())) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address");
        }
        try {
            // A literal never triggers a lookup.
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address", e);
        }
    }
}
