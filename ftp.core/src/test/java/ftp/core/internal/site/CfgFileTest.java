package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfgFileTest {

    @TempDir
    Path dir;

    @Test
    void updateKeepsCommentsAndOrderReplacesRemovesAndAppends() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-a.cfg"),
                "# the operator's note\nftp.port = 2121\nbanner.connect: Hello\n\n! old style comment\nroot=/srv\n");
        Map<String, String> set = new LinkedHashMap<>();
        set.put("ftp.port", "2200");
        set.put("feature.hash", "false");
        CfgFile.update(file, set, Set.of("root"));
        assertEquals(List.of("# the operator's note", "ftp.port = 2200", "banner.connect: Hello", "", "! old style comment",
                "feature.hash = false"), Files.readAllLines(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void valuesRoundTripThroughPropertiesParsing() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-b.cfg"), "");
        String banner = "Welcome\nto C:\\sites\\b\tnow ✓";
        CfgFile.update(file, Map.of("banner.connect", banner, "banner.login", " leading space"), Set.of());
        Properties read = new Properties();
        read.load(new StringReader(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals(banner, read.getProperty("banner.connect"));
        assertEquals(" leading space", read.getProperty("banner.login"));
    }
}
