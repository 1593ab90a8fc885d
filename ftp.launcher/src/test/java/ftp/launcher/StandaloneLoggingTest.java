package ftp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneLoggingTest {

    @TempDir
    Path home;

    @Test
    void aNewHomeGetsTheDefaultsAndPaxLoggingIsPointedAtThem() throws IOException {
        Properties system = new Properties();

        StandaloneLogging.setUp(home, system);

        Path file = home.resolve("etc/org.ops4j.pax.logging.cfg");
        assertEquals(file.toString(), system.getProperty("org.ops4j.pax.logging.property.file"));
        assertEquals(home.resolve("log").toString(), system.getProperty("ftp.log"));
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            config.load(in);
        }
        assertEquals("${ftp.log}/ftp.log", config.getProperty("log4j2.appender.rolling.fileName"));
        assertEquals("WARN", config.getProperty("log4j2.logger.minassl.level"));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
    }

    @Test
    void anOperatorsFileIsKeptByteForByte() throws IOException {
        Path file = Files.createDirectories(home.resolve("etc")).resolve("org.ops4j.pax.logging.cfg");
        Files.writeString(file, "log4j2.rootLogger.level = DEBUG\n");

        StandaloneLogging.setUp(home, new Properties());

        assertEquals("log4j2.rootLogger.level = DEBUG\n", Files.readString(file));
    }

    @Test
    void theOperatorsSystemPropertiesWin() throws IOException {
        Properties system = new Properties();
        system.setProperty("ftp.log", "/var/log/ftp");
        system.setProperty("org.ops4j.pax.logging.property.file", "/etc/ftp/logging.cfg");

        StandaloneLogging.setUp(home, system);

        assertEquals("/var/log/ftp", system.getProperty("ftp.log"));
        assertEquals("/etc/ftp/logging.cfg", system.getProperty("org.ops4j.pax.logging.property.file"));
        assertTrue(Files.notExists(home.resolve("etc")), "nothing written when another file is named");
    }
}
