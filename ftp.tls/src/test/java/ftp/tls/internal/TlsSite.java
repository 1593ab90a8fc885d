package ftp.tls.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import ftp.core.api.FtpCommand;
import ftp.core.internal.TestSite;
import ftp.features.internal.EprtCommand;
import ftp.features.internal.PortCommand;

/** A {@link TestSite} with this bundle's policy and commands (and active mode), and an implicit FTPS port. */
final class TlsSite {

    final TestSite site;
    final int ftpsPort;

    private TlsSite(TestSite site, int ftpsPort) {
        this.site = site;
        this.ftpsPort = ftpsPort;
    }

    static TlsSite start(Path dir, Map<String, Object> config) throws Exception {
        int ftpsPort = TestSite.freePort();
        Map<String, Object> all = new HashMap<>(Map.of("ftps.port", ftpsPort));
        all.putAll(config);
        TlsPolicyService policy = new TlsPolicyService();
        TestSite site = TestSite.start(dir, all, settings -> policy.site(settings, dir.resolve("tls")));
        for (FtpCommand command : List.of(new AuthCommand(), new PbszCommand(), new ProtCommand(), new CccCommand(),
                new PortCommand(), new EprtCommand())) {
            site.register(command);
        }
        return new TlsSite(site, ftpsPort);
    }

    /** A client context that trusts the test site's self-signed certificate (and anything else). */
    static SSLContext trustAll(String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(null, new TrustManager[] { new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // a test client accepts any server
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test site's certificate is generated and self-signed
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        } }, new SecureRandom());
        return context;
    }
}
