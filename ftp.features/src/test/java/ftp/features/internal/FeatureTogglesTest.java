package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ftp.core.internal.RawControl;
import ftp.core.internal.TestSite;

/**
 * Each of the nine toggles turns its commands off on one site (502, absent from FEAT and HELP)
 * while a second site on the same server keeps them on.
 */
class FeatureTogglesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "feature.{0}")
    @CsvSource({ "port, PORT EPRT, EPRT", "hash, HASH RANG, HASH SHA-256*", "comb, COMB, COMB", "stat, STAT,",
            "syst, SYST,", "site, SITE,", "mlsd, MLSD,", "mlst, MLST, MLST type*", "mfmt, MFMT, MFMT" })
    void aToggleSwitchesItsCommandsForOneSiteOnly(String key, String verbs, String featLine) throws Exception {
        try (TestSite off = FeatureSite.start(dir.resolve("off"), Map.of("feature." + key, "false"));
                TestSite on = FeatureSite.start(dir.resolve("on"), Map.of());
                RawControl offControl = new RawControl(off.port()).login();
                RawControl onControl = new RawControl(on.port()).login()) {
            String offFeat = offControl.command("FEAT");
            String offHelp = offControl.command("HELP");
            String onHelp = onControl.command("HELP");
            for (String verb : List.of(verbs.split(" "))) {
                assertTrue(offControl.command(verb + " x").startsWith("502"), verb + " is off");
                assertFalse(offHelp.contains(verb), verb + " not in HELP: " + offHelp);
                assertNotEquals("502", onControl.command(verb + " x").substring(0, 3), verb + " is on on the other site");
                assertTrue(onHelp.contains(verb), verb + " in HELP: " + onHelp);
                assertTrue(offControl.command("HELP " + verb).startsWith("502"));
            }
            if (featLine != null) {
                assertFalse(offFeat.contains(" " + featLine), offFeat);
                assertTrue(onControl.command("FEAT").contains("\r\n " + featLine), featLine);
            }
            assertEquals("200 NOOP ok\r\n", offControl.command("NOOP"));
        }
    }
}
