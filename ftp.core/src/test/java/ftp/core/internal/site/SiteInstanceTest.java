package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SiteInstanceTest {

    @Test
    void aSpecificAddressIsServedAsIs() throws Exception {
        assertEquals("ftp://127.0.0.1:2121/", SiteInstance.servedUrls(
                SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1"), Path.of("/srv"))));
    }

    @Test
    void aWildcardListsTheLocalIpv4Addresses() throws Exception {
        String urls = SiteInstance.servedUrls(SiteSettingsParser.parse("s", Map.of("ftp.port", 2200), Path.of("/srv")));
        assertTrue(urls.contains("ftp://127.0.0.1:2200/"), urls);
        assertTrue(!urls.contains("0.0.0.0") && !urls.contains("["), urls);
    }

    @Test
    void noPlainPortSaysSo() throws Exception {
        assertEquals("no plain FTP port", SiteInstance.servedUrls(
                SiteSettingsParser.parse("s", Map.of("ftp.port", 0), Path.of("/srv"))));
    }
}
