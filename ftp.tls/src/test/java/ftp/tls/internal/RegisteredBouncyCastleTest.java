package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Karaf registers BouncyCastle as a JCA provider; its EC keys then call themselves "ECDSA". Seen
 * in Karaf 4.4.8: a site could not reload its own generated key on restart.
 */
class RegisteredBouncyCastleTest {

    @TempDir
    Path dir;

    @Test
    void aKeptEcKeyLoadsWhenBouncyCastleIsTheFirstProvider() throws Exception {
        KeyMaterial generated = KeyMaterial.load(Optional.empty(), Optional.empty(), Optional.empty(), dir, List.of("localhost"));
        Security.insertProviderAt(new BouncyCastleProvider(), 1);
        try {
            KeyMaterial reloaded = KeyMaterial.load(Optional.empty(), Optional.empty(), Optional.empty(), dir,
                    List.of("localhost"));
            assertEquals(generated.sha256Fingerprint(), reloaded.sha256Fingerprint());
        } finally {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }
}
