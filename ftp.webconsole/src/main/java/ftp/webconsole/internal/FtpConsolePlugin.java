package ftp.webconsole.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ftp.core.api.FtpCommand;
import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteStatus;

/**
 * The "FTP (E/S)" page of the Felix Web Console (label {@code ftp}): a plain servlet, so it runs in
 * Felix's console and in Karaf's. Under {@code /system/console/ftp}:
 * <ul>
 * <li>{@code GET /ftp}: the page (the console frames it);</li>
 * <li>{@code GET /ftp/sites.json}: sites with their state, the cipher suites of this JVM, the
 * features, and the token state-changing requests must send;</li>
 * <li>{@code GET /ftp/site/<name>.json}: one site's saved configuration and state;</li>
 * <li>{@code POST /ftp/site/<name>}: save {@code {"configuration": {...}}};</li>
 * <li>{@code POST /ftp/site/<name>/restart}: restart the site.</li>
 * </ul>
 * Every POST needs the header {@value #TOKEN_HEADER} with the page's token and a JSON body type, so
 * another origin cannot forge it (a custom header cannot be sent cross-origin without a CORS
 * preflight, which this servlet never grants). Everything is saved through
 * {@link SiteAdministration}, so the etc/*.cfg files and Karaf's config: commands stay in step.
 */
@Component(service = Servlet.class, property = { "felix.webconsole.label=" + FtpConsolePlugin.LABEL,
        "felix.webconsole.title=FTP (E/S)", "felix.webconsole.category=FTP" })
public final class FtpConsolePlugin extends HttpServlet {

    static final String LABEL = "ftp";
    static final String TOKEN_HEADER = "X-FTP-Token";

    private static final long serialVersionUID = 1L;

    private final transient SiteAdministration sites;
    private final transient Map<FtpCommand, String[]> commands = new ConcurrentHashMap<>();
    private final String token;

    @Activate
    public FtpConsolePlugin(@Reference SiteAdministration sites) {
        this.sites = sites;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    /** Third-party commands come and go; their feature keys show on the Features tab. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(FtpCommand command, Map<String, Object> properties) {
        Object feature = properties.get(FtpCommand.FEATURE);
        if (feature != null && !feature.toString().isBlank()) {
            commands.put(command, new String[] { feature.toString().trim(), command.help() });
        }
    }

    void removeCommand(FtpCommand command) {
        commands.remove(command);
    }

    /** The console serves {@code /ftp/res/*} from here. */
    public URL getResource(String path) {
        String prefix = "/" + LABEL + "/res/";
        return path.startsWith(prefix) && !path.contains("..") ? getClass().getResource("/res/" + path.substring(prefix.length())) : null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = route(request);
        if (path.isEmpty() || "/".equals(path)) {
            page(request, response);
        } else if ("/sites.json".equals(path)) {
            json(response, 200, overview());
        } else if (path.startsWith("/site/") && path.endsWith(".json")) {
            String name = path.substring("/site/".length(), path.length() - ".json".length());
            try {
                Map<String, Object> site = new LinkedHashMap<>();
                site.put("configuration", ConsoleModel.configuration(sites.configuration(name)));
                site.put("secretsSet", List.copyOf(sites.secretsSet(name)));
                site.put("status", status(name));
                json(response, 200, site);
            } catch (IllegalArgumentException e) {
                json(response, 404, Map.of("errors", Map.of("_", e.getMessage())));
            }
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!trusted(request)) {
            json(response, 403, Map.of("errors", Map.of("_", "missing or wrong " + TOKEN_HEADER + "; reload the page")));
            return;
        }
        String path = route(request);
        if (!path.startsWith("/site/")) {
            response.sendError(404);
            return;
        }
        String rest = path.substring("/site/".length());
        try {
            if (rest.endsWith("/restart")) {
                SiteStatus status = sites.restart(rest.substring(0, rest.length() - "/restart".length()));
                json(response, 200, Map.of("status", ConsoleModel.status(status)));
                return;
            }
            Map<String, Object> properties = ConsoleModel.properties(Json.parse(
                    new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
            Map<String, String> errors = ConsoleModel.check(properties, ConsoleModel.supportedCipherSuites());
            if (!errors.isEmpty()) {
                json(response, 400, Map.of("errors", errors));
                return;
            }
            json(response, 200, Map.of("status", ConsoleModel.status(sites.save(rest, properties))));
        } catch (IllegalArgumentException | IllegalStateException e) {
            json(response, 400, Map.of("errors", ConsoleModel.refusal(e.getMessage())));
        } catch (RuntimeException e) {
            // Never a stack trace (or a path) to the browser: it goes to the servlet log.
            log("FTP console: " + request.getMethod() + " " + path + " failed", e);
            json(response, 500, Map.of("errors", Map.of("_", "the server could not do that; its log says why")));
        }
    }

    /** The path below the plugin's label. */
    private static String route(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String prefix = "/" + LABEL;
        return info.startsWith(prefix) ? info.substring(prefix.length()) : info;
    }

    private boolean trusted(HttpServletRequest request) {
        String sent = request.getHeader(TOKEN_HEADER);
        String type = request.getContentType();
        return sent != null && type != null && type.startsWith("application/json")
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> overview() {
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("sites", sites.sites().stream().map(ConsoleModel::status).toList());
        Map<String, String> thirdParty = new TreeMap<>();
        commands.values().forEach(c -> thirdParty.putIfAbsent(c[0], c[1].isEmpty() ? "A command installed by a bundle." : c[1]));
        overview.put("features", ConsoleModel.features(thirdParty));
        overview.put("cipherSuites", ConsoleModel.supportedCipherSuites());
        overview.put("tlsVersions", ConsoleModel.TLS_VERSIONS);
        return overview;
    }

    private Map<String, Object> status(String name) {
        return sites.sites().stream().filter(s -> s.name().equals(name)).findFirst().map(ConsoleModel::status)
                .orElseThrow(() -> new IllegalArgumentException("no site named '" + name + "'"));
    }

    private static void json(HttpServletResponse response, int code, Object body) throws IOException {
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.write(body));
    }

    /**
     * The page carries the token: another site may not frame it (clickjacking) and no cache may
     * keep it. The console renders plugins inside its own page, not in a frame, so 'self' suffices.
     */
    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
        response.setHeader("Cache-Control", "no-store");
        Object appRoot = request.getAttribute("felix.webconsole.appRoot");
        String root = (appRoot == null ? request.getContextPath() + request.getServletPath() : appRoot.toString()) + "/" + LABEL;
        response.getWriter().write(ConsolePage.render(root, token));
    }
}
