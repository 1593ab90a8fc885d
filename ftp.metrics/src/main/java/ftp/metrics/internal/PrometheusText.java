package ftp.metrics.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ftp.core.api.SiteMetrics;

/**
 * The sites' counters in the Prometheus text exposition format 0.0.4 ({@code # HELP}, {@code #
 * TYPE}, one {@code name{labels} value} line per series). Written here, not with Prometheus'
 * client library: the format is a few lines of text, the library is no OSGi bundle and would
 * bring its own registry of collectors for numbers that already exist (see docs/decisions.md).
 */
final class PrometheusText {

    /** The media type Prometheus asks for and accepts. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String format(List<SiteMetrics> sites) {
        StringBuilder out = new StringBuilder();
        family(out, "ftp_sessions", "gauge", "Sessions open now.", sites, m -> Map.of("", (long) m.sessions()), null);
        family(out, "ftp_logins_total", "counter", "Logins since the site started, by result.", sites,
                m -> Map.of("succeeded", m.loginsSucceeded(), "failed", m.loginsFailed(), "banned", m.loginsBanned()),
                "result");
        family(out, "ftp_transfers_total", "counter", "File transfers that completed, by direction.", sites,
                m -> Map.of("upload", m.uploads(), "download", m.downloads()), "direction");
        family(out, "ftp_transfer_bytes_total", "counter", "Octets moved by file transfers, completed or not, by direction.",
                sites, m -> Map.of("upload", m.bytesUploaded(), "download", m.bytesDownloaded()), "direction");
        family(out, "ftp_transfer_failures_total", "counter", "File transfers that did not complete.", sites,
                m -> Map.of("", m.transferFailures()), null);
        family(out, "ftp_tls_sessions_total", "counter",
                "Control connections that completed a TLS handshake, by protocol version.", sites, SiteMetrics::tlsSessions,
                "version");
        return out.toString();
    }

    /** One metric family: a series per site and per key of {@code values} (labelled {@code label}). */
    private static void family(StringBuilder out, String name, String type, String help, List<SiteMetrics> sites,
            Function<SiteMetrics, Map<String, Long>> values, String label) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (SiteMetrics site : sites) {
            new java.util.TreeMap<>(values.apply(site)).forEach((key, value) -> {
                out.append(name).append("{site=\"").append(escaped(site.site())).append('"');
                if (label != null) {
                    out.append(',').append(label).append("=\"").append(escaped(key)).append('"');
                }
                out.append("} ").append(value).append('\n');
            });
        }
    }

    /** A label value: backslash, double quote and line feed escaped, as the format requires. */
    static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
