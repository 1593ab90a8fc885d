package ftp.webconsole.internal;

/**
 * The page's structure: a site selector and its state, the restart reminder, Save, and the tabs
 * Common, Features and TLS. ftp.js fills it from the JSON API. Everything is served by the bundle:
 * no asset comes from the internet.
 */
final class ConsolePage {

    private ConsolePage() {
    }

    /** One labelled field; {@code key} is the configuration property it edits. */
    private static String field(String key, String label, String help, String input) {
        return "<div class='ftp-field'><label for='" + id(key) + "'>" + label + "</label>" + input
                + "<div class='ftp-help'>" + help + "</div><div class='ftp-error' data-error-for='" + key
                + "' role='alert'></div></div>";
    }

    private static String id(String key) {
        return key.replace('.', '-');
    }

    private static String text(String key, String label, String help) {
        return field(key, label, help, "<input type='text' id='" + id(key) + "' data-key='" + key + "'>");
    }

    /** A secret: never filled from the server; empty keeps the saved value (ftp.js shows whether one is set). */
    private static String secret(String key, String label, String help) {
        return field(key, label, help, "<input type='password' autocomplete='new-password' id='" + id(key)
                + "' data-key='" + key + "' data-secret='true'>");
    }

    private static String area(String key, String label, String help) {
        return field(key, label, help, "<textarea id='" + id(key) + "' data-key='" + key + "' rows='3'></textarea>");
    }

    private static String check(String key, String label, String help) {
        return "<div class='ftp-field ftp-check'><label><input type='checkbox' id='" + id(key) + "' data-key='" + key
                + "' data-default='false'> " + label + "</label><div class='ftp-help'>" + help
                + "</div><div class='ftp-error' data-error-for='" + key + "' role='alert'></div></div>";
    }

    private static String versions(String key, String label) {
        StringBuilder options = new StringBuilder();
        for (String version : ConsoleModel.TLS_VERSIONS) {
            options.append("<option>").append(version).append("</option>");
        }
        return field(key, label, "", "<select id='" + id(key) + "' data-key='" + key + "'>" + options + "</select>");
    }

    static String render(String root, String token) {
        String common = "<h3>Banners</h3>"
                + area("banner.connect", "Connection banner", "Sent with 220 when a client connects.")
                + area("banner.login", "Login greeting", "Sent with 230 after a successful login.")
                + area("banner.loginFailure", "Login failure message", "Sent with 530 after a failed login.")
                + area("banner.logout", "Logout message", "Sent with 221 on QUIT.")
                + "<h3>Passive mode addressing</h3>"
                + text("pasv.externalIp", "External PASV IP", "Address announced in PASV replies (behind NAT). Empty: the server's own address.")
                + text("pasv.externalIpTls", "External PASV IP for TLS", "Announced when the control connection is TLS-protected.")
                + area("pasv.localNetworks", "PASV local networks", "One CIDR per line (IPv4 or IPv6): these clients get the server's own address.")
                + check("pasv.useControlIp", "Use the control connection IP for PASV", "Always announce the server's address on the control connection.")
                + check("port.useControlIp", "Use the control connection IP for PORT", "Active mode connects to the client's control address, whatever PORT names.")
                + "<h3>Listeners</h3>"
                + text("bind.address", "Bind address", "IP address the listeners bind (0.0.0.0 = all IPv4).")
                + text("ftp.port", "FTP port", "Plain FTP and FTPES (AUTH TLS); 0 = off.")
                + text("ftps.port", "FTPS port", "Implicit FTPS; 0 = off.")
                + text("pasv.ports", "Passive ports", "Range for passive data connections, low-high.");
        String tls = check("tls.forceStartTls", "Force STARTTLS (FTPES) on plain FTP connections (overrides the per user FTP protocol allowance)",
                "Plain sessions must run AUTH TLS before login, and protect their data connections.")
                + versions("tls.minVersion", "Minimum TLS version")
                + versions("tls.maxVersion", "Maximum TLS version")
                + field("tls.cipherSuites", "Allowed cipher suites", "An empty list means secure defaults: the TLS 1.3 suites, "
                        + "then forward-secret AEAD suites for TLS 1.2. Click a suite below to add it; click a chip to remove it.",
                        "<div class='ftp-control'><div id='cipher-chips' class='ftp-chips' aria-live='polite'></div>"
                        + "<input type='search' id='cipher-filter' placeholder='Filter the suites of this Java runtime' aria-label='Filter cipher suites'>"
                        + "<ul id='cipher-list' class='ftp-suites' role='listbox'></ul></div>")
                + "<h3>Certificate</h3>"
                + text("tls.certificate", "Certificate file", "PEM certificate chain, leaf first. Empty: a self-signed "
                        + "certificate generated once for the site.")
                + text("tls.privateKey", "Private key file", "PEM private key of the certificate.")
                + secret("tls.privateKeyPassword", "Private key password", "Only for an encrypted key. The saved "
                        + "password is never shown; leave the field empty to keep it.")
                + "<h3>Certificate in use</h3><div id='certificate' class='ftp-certificate'></div>";
        return "<link rel='stylesheet' href='" + root + "/res/ftp.css'>"
                + "<div id='ftp-console' data-root='" + root + "' data-token='" + token + "'>"
                + "<div class='ftp-header ui-widget-header'><label for='ftp-site-select'>Site</label> "
                + "<select id='ftp-site-select'></select> <span id='site-state' class='ftp-state'></span>"
                + "<button type='button' id='ftp-save' class='ui-state-default ui-corner-all'>Save</button></div>"
                + "<div id='restart-reminder' class='ftp-reminder ui-state-highlight' hidden>The saved configuration differs "
                + "from the one the site runs. <button type='button' id='restart-site' class='ui-state-default ui-corner-all'>"
                + "Restart site</button></div>"
                + "<div id='ftp-message' class='ftp-message' role='status' aria-live='polite'></div>"
                + "<div class='ftp-tabs' role='tablist'>" + tab("common", "Common", true) + tab("features", "Features", false)
                + tab("tls", "TLS", false) + "</div>"
                + panel("common", common, false) + panel("features", "<div id='feature-list'></div>", true)
                + panel("tls", tls, true) + "</div>"
                + "<script src='" + root + "/res/ftp.js'></script>";
    }

    private static String tab(String name, String label, boolean selected) {
        return "<button type='button' role='tab' id='ftp-tab-" + name + "' aria-controls='ftp-panel-" + name
                + "' aria-selected='" + selected + "' class='ui-state-default ui-corner-top'>" + label + "</button>";
    }

    private static String panel(String name, String content, boolean hidden) {
        return "<div role='tabpanel' id='ftp-panel-" + name + "' aria-labelledby='ftp-tab-" + name + "' class='ftp-panel'"
                + (hidden ? " hidden" : "") + ">" + content + "</div>";
    }
}
