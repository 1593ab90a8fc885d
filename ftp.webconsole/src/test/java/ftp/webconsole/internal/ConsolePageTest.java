package ftp.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConsolePageTest {

    @Test
    void thePageHasEveryFieldOfTheThreeTabsAndNoExternalAsset() {
        String page = ConsolePage.render("/system/console/ftp", "t0k3n");
        for (String key : List.of("banner.connect", "banner.login", "banner.loginFailure", "banner.logout", "pasv.externalIp",
                "pasv.externalIpTls", "pasv.localNetworks", "pasv.useControlIp", "port.useControlIp", "ftp.port", "ftps.port",
                "pasv.ports", "tls.forceStartTls", "tls.minVersion", "tls.maxVersion", "tls.certificate", "tls.privateKey",
                "tls.privateKeyPassword")) {
            assertTrue(page.contains("data-key='" + key + "'"), key);
        }
        for (String id : List.of("ftp-site-select", "site-state", "ftp-save", "restart-reminder", "restart-site", "ftp-message",
                "ftp-tab-common", "ftp-tab-features", "ftp-tab-tls", "ftp-panel-common", "ftp-panel-features", "ftp-panel-tls",
                "cipher-filter", "cipher-list", "cipher-chips", "certificate", "feature-list")) {
            assertTrue(page.contains("id='" + id + "'"), id);
        }
        assertTrue(page.contains("data-token='t0k3n'"));
        assertTrue(page.contains("type='password' autocomplete='new-password' id='tls-privateKeyPassword'"),
                "the secret is a password field the page never fills");
        assertTrue(page.contains("Force STARTTLS (FTPES) on plain FTP connections (overrides the per user FTP protocol allowance)"));
        assertTrue(page.indexOf("tls.forceStartTls") < page.indexOf("tls.minVersion"), "force STARTTLS at the top of the TLS tab");
        assertTrue(!page.contains("http://") && !page.contains("https://"), "no asset from the internet");
    }
}
