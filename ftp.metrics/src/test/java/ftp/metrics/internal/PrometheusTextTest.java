package ftp.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ftp.core.api.SiteMetrics;

class PrometheusTextTest {

    @Test
    void everyFamilyHasHelpTypeAndOneSeriesPerSiteAndLabel() {
        String text = PrometheusText.format(List.of(
                new SiteMetrics("main", 2, 5, 1, 0, 3, 4, 1000, 2000, 1, Map.of("TLSv1.3", 2L)),
                new SiteMetrics("we\"ird\\", 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of())));
        assertTrue(text.contains("# TYPE ftp_sessions gauge\nftp_sessions{site=\"main\"} 2\n"), text);
        assertTrue(text.contains("ftp_logins_total{site=\"main\",result=\"failed\"} 1\n"), text);
        assertTrue(text.contains("ftp_transfer_bytes_total{site=\"main\",direction=\"download\"} 2000\n"), text);
        assertTrue(text.contains("ftp_tls_sessions_total{site=\"main\",version=\"TLSv1.3\"} 2\n"), text);
        assertTrue(text.contains("ftp_sessions{site=\"we\\\"ird\\\\\"} 0\n"), "label values escaped: " + text);
        assertEquals(6, text.lines().filter(line -> line.startsWith("# TYPE ")).count());
        assertTrue(text.endsWith("\n"));
    }
}
