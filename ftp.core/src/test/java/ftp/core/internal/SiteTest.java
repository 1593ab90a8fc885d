package ftp.core.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Protocol tests against one {@link TestSite} per test, started with the default test settings. */
abstract class SiteTest {

    @TempDir
    Path dir;
    TestSite site;

    @BeforeEach
    void startSite() throws Exception {
        site = TestSite.start(dir);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }
}
