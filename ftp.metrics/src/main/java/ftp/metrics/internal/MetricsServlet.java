package ftp.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ftp.core.api.SiteAdministration;

/**
 * {@code GET /ftp/metrics} on the HTTP whiteboard: every running site's counters in the
 * Prometheus text format, for a Prometheus server to scrape. No authentication of its own: the
 * standalone server's HTTP listener binds 127.0.0.1; expose it as your network requires.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/ftp/metrics",
        "osgi.http.whiteboard.servlet.name=ftp-metrics" })
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SiteAdministration sites;

    @Activate
    public MetricsServlet(@Reference SiteAdministration sites) {
        this.sites = sites;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = PrometheusText.format(sites.metrics()).getBytes(StandardCharsets.UTF_8);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
