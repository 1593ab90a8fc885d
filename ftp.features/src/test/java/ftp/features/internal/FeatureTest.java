package ftp.features.internal;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.internal.TestSite;

/** Protocol tests of this bundle's commands against one {@link FeatureSite} per test. */
abstract class FeatureTest {

    @TempDir
    Path dir;
    TestSite site;

    /** Site settings over the test defaults. */
    Map<String, Object> config() {
        return Map.of();
    }

    @BeforeEach
    void startSite() throws Exception {
        site = FeatureSite.start(dir, config());
    }

    @AfterEach
    void stopSite() {
        site.close();
    }
}
