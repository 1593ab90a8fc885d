package ftp.tls.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The site's key manager, counting how often a server alias is chosen. JSSE chooses one on every
 * full handshake and never on a resumed one: that is how a data connection proves it resumed a
 * session of this context (DESIGN section 6a; Java has no other API that tells).
 */
final class ProbingKeyManager extends X509ExtendedKeyManager {

    private final X509ExtendedKeyManager delegate;
    private final AtomicLong fullHandshakes = new AtomicLong();

    ProbingKeyManager(X509ExtendedKeyManager delegate) {
        this.delegate = delegate;
    }

    /** Full handshakes run by this connection's context so far. */
    long fullHandshakes() {
        return fullHandshakes.get();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        fullHandshakes.incrementAndGet();
        return delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        fullHandshakes.incrementAndGet();
        return delegate.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server never authenticates as a client
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
