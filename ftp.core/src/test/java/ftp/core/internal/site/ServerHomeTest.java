package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerHomeTest {

    private static ServerHome locate(Map<String, String> properties) {
        return ServerHome.locate(properties::get);
    }

    @Test
    void theStandaloneServerKeepsEverythingBelowItsHome() {
        ServerHome home = locate(Map.of("ftp.home", "/srv/ftp", "karaf.base", "/opt/karaf"));
        assertEquals(Path.of("/srv/ftp"), home.home());
        assertEquals(Path.of("/srv/ftp/data/sites/main"), home.defaultRoot("main"));
        assertEquals(Path.of("/srv/ftp/data/tls"), home.keys());
        assertEquals(Path.of("/srv/ftp/etc"), home.etc());
    }

    @Test
    void inKarafSitesAndKeysLiveOutsideItsDataDirectory() {
        ServerHome home = locate(Map.of("karaf.base", "/opt/karaf", "karaf.etc", "/etc/karaf"));
        assertEquals(Path.of("/opt/karaf"), home.home());
        assertEquals(Path.of("/opt/karaf/ftp/sites/main"), home.defaultRoot("main"));
        assertEquals(Path.of("/opt/karaf/ftp/tls"), home.keys());
        assertEquals(Path.of("/etc/karaf"), home.etc());
        assertEquals(Path.of("/opt/karaf/etc"), locate(Map.of("karaf.base", "/opt/karaf")).etc());
    }

    @Test
    void ftpDataMovesSitesAndKeysAnywhere() {
        ServerHome karaf = locate(Map.of("karaf.base", "/opt/karaf", "ftp.data", "/var/lib/ftp"));
        assertEquals(Path.of("/var/lib/ftp/sites/main"), karaf.defaultRoot("main"));
        assertEquals(Path.of("/var/lib/ftp/tls"), karaf.keys());
        assertEquals(Path.of("/opt/karaf/etc"), karaf.etc());
        ServerHome relative = locate(Map.of("ftp.home", "/srv/ftp", "ftp.data", "store"));
        assertEquals(Path.of("/srv/ftp/store/tls"), relative.keys());
    }

    @Test
    void withoutPropertiesTheWorkingDirectoryIsTheHome() {
        assertEquals(Path.of("").toAbsolutePath().resolve("data/tls"), locate(Map.of()).keys());
    }
}
