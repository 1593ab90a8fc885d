package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.utils.properties.InterpolationHelper;
import org.apache.felix.utils.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file CfgFile writes is read back here the way File Install 3.7.4 reads it: Felix utils'
 * TypedProperties with File Install's substitution (system properties, {@code env:}).
 */
public class CfgFileTest {

    @TempDir
    Path dir;

    /** What File Install delivers to Config Admin for this file. */
    public static Map<String, Object> asFileInstallReadsIt(Path file) throws Exception {
        InterpolationHelper.SubstitutionCallback fileInstall = new InterpolationHelper.BundleContextSubstitutionCallback(null);
        TypedProperties properties = new TypedProperties((name, key, value) -> fileInstall.getValue(value));
        properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        return new HashMap<>(properties);
    }

    @Test
    void onlyTheChangedKeysLinesChangeCommentsOrderAndContinuationsStay() throws Exception {
        String original = "# the operator's note\n"
                + "ftp.port = 2121\n"
                + "banner.connect = Hello \\\n"
                + "    operator\n"
                + "\n"
                + "! old style comment\n"
                + "root=/srv\n"
                + "banner.login: Hi\n";
        Path file = Files.writeString(dir.resolve("ftp.site-a.cfg"), original);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("ftp.port", "2200");
        changes.put("root", null);
        changes.put("feature.hash", "false");
        assertTrue(CfgFile.update(file, changes));
        assertEquals("# the operator's note\n"
                + "ftp.port = 2200\n"
                + "banner.connect = Hello \\\n"
                + "    operator\n"
                + "\n"
                + "! old style comment\n"
                + "banner.login: Hi\n"
                + "feature.hash = false\n", Files.readString(file));
        assertEquals(Map.of("ftp.port", "2200", "banner.connect", "Hello operator", "banner.login", "Hi",
                "feature.hash", "false"), asFileInstallReadsIt(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void aContinuedValueIsReplacedWholeAndCrLfFilesStayCrLf() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-b.cfg"),
                "banner.connect = Hello \\\r\n   world\r\nftp.port = 21\r\n");
        CfgFile.update(file, Map.of("banner.connect", "Bye"));
        assertEquals("banner.connect = Bye\r\nftp.port = 21\r\n", Files.readString(file));
    }

    /** Found by an attack: File Install's reader also ends a line at a lone CR; lines were miscounted. */
    @Test
    void everyLineEndFileInstallKnowsIsKeptAndCounted() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-e.cfg"),
                "# c1\r# c2\nftp.port = 21\r\nbanner.logout = bye\n# trailing comment - keep me\rroot = /srv");
        CfgFile.update(file, Map.of("banner.logout", "new"));
        assertEquals("# c1\r# c2\nftp.port = 21\r\nbanner.logout = new\n# trailing comment - keep me\rroot = /srv",
                Files.readString(file));
        CfgFile.update(file, Map.of("feature.hash", "false", "ftp.port", "22"));
        assertEquals("# c1\r# c2\nftp.port = 22\r\nbanner.logout = new\n# trailing comment - keep me\rroot = /srv"
                + "\rfeature.hash = false\r", Files.readString(file), "appended with the file's first line end");
        assertEquals(Map.of("ftp.port", "22", "banner.logout", "new", "root", "/srv", "feature.hash", "false"),
                asFileInstallReadsIt(file));
        Path crOnly = Files.writeString(dir.resolve("ftp.site-r.cfg"), "a = 1\rbanner.logout = x\rb = 2\r");
        CfgFile.update(crOnly, Map.of("banner.logout", "y"));
        assertEquals("a = 1\rbanner.logout = y\rb = 2\r", Files.readString(crOnly));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Welcome ${user.name} ${env:HOME}",
        "$\\{not a variable}",
        "two\nlines\r\nand a tab\there",
        "C:\\sites\\b\\",
        "\\\\server\\share\\",
        "  leading and trailing spaces  ",
        "\tleading tab",
        "non-Latin-1 \u2713 \u2028 \u0085 \u00e9 \u202e",
        "{a}", "[list]", "(x)", "\"quoted\"", "B\"true\"", "b\"x\"", "f(x)",
        "a = b : c # d ! e",
        "#looks like a comment",
        "\\",
        "ends with a continuation \\",
        "\u0000\u0007\u007f",
        "} ${ {"
    })
    void everyValueReadsBackExactlyAsWritten(String value) throws Exception {
        // alone in the file: a value that looked typed would turn the whole file into a typed one
        Path alone = Files.writeString(dir.resolve("ftp.site-alone.cfg"), "");
        CfgFile.update(alone, Map.of("banner.connect", value));
        assertEquals(Map.of("banner.connect", value), asFileInstallReadsIt(alone));

        Path mixed = Files.writeString(dir.resolve("ftp.site-mixed.cfg"), "ftp.port = 21\n");
        CfgFile.update(mixed, Map.of("banner.connect", value, "banner.login", value));
        assertEquals(Map.of("ftp.port", "21", "banner.connect", value, "banner.login", value), asFileInstallReadsIt(mixed));
    }

    @Test
    void anOperatorsVariablesInOtherKeysStayAsTheyWere() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-c.cfg"), "root = ${user.home}/ftp\nftp.port = 21\n");
        CfgFile.update(file, Map.of("ftp.port", "2121"));
        assertEquals("root = ${user.home}/ftp\nftp.port = 2121\n", Files.readString(file));
        assertEquals(System.getProperty("user.home") + "/ftp", asFileInstallReadsIt(file).get("root"));
    }

    @Test
    void aTypedFileGetsTypedValues() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-t.cfg"), "feature.port = B\"false\"\nftp.port = I\"21\"\n");
        CfgFile.update(file, Map.of("banner.connect", "Hi \"there\" ${user.name}"));
        Map<String, Object> read = asFileInstallReadsIt(file);
        assertEquals(Boolean.FALSE, read.get("feature.port"));
        assertEquals(21, read.get("ftp.port"));
        assertEquals("Hi \"there\" ${user.name}", read.get("banner.connect"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "x\nroot", "x\rroot", "a b", "a=b", "a:b", "#a", "!a", "", ".a", "a\\b", "a\u0000" })
    void keysThatAreNotPlainNamesAreRefusedAndNothingIsWritten(String key) throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-k.cfg"), "ftp.port = 21\n");
        byte[] before = Files.readAllBytes(file);
        Map<String, String> changes = new HashMap<>();
        changes.put(key, "/");
        assertThrows(IllegalArgumentException.class, () -> CfgFile.update(file, changes));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aValueFileInstallCannotReadBackIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-m.cfg"), "ftp.port = 21\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CfgFile.update(file, Map.of("banner.connect", "cost: $__5")));
        assertTrue(refused.getMessage().startsWith("banner.connect: "), refused.getMessage());
        assertEquals("ftp.port = 21\n", Files.readString(file));
    }

    @Test
    void aChangeThatChangesNoValueWritesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-n.cfg"), "ftp.port=21\nbanner.connect = a\\\n b\n");
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(file, old);
        Map<String, String> same = new HashMap<>();
        same.put("ftp.port", "21");
        same.put("banner.connect", "ab");
        same.put("root", null);
        assertFalse(CfgFile.update(file, same));
        assertEquals(old, Files.getLastModifiedTime(file));
    }

    @Test
    void theFilesModeIsKept() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-p.cfg"), "ftp.port = 21\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        CfgFile.update(file, Map.of("ftp.port", "22"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("ftp.port = 22"), Files.readAllLines(file));
    }

    /** Found by a review: typed array values never compared equal, so such files could not be saved. */
    @Test
    void aTypedFileWithAListCanBeSaved() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-ta.cfg"),
                "pasv.localNetworks = [\"10.0.0.0/8\",\"fd00::/8\"]\nftp.port = I\"21\"\n");
        CfgFile.update(file, Map.of("banner.connect", "hi"));
        Map<String, Object> read = asFileInstallReadsIt(file);
        assertEquals("hi", read.get("banner.connect"));
        assertArrayEquals(new String[] { "10.0.0.0/8", "fd00::/8" }, (Object[]) read.get("pasv.localNetworks"));
    }

    /** Found by an attack: a typed file's values drifted to text, a no-op rewrote, non-Latin-1 became '?'. */
    @Test
    void aTypedFileKeepsItsTypesWritesNoNoOpAndRefusesWhatLatin1CannotHold() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-ty.cfg"), "ftp.port = I\"21\"\nfeature.stat = B\"false\"\n");
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(file, old);
        assertFalse(CfgFile.update(file, Map.of("ftp.port", "21", "feature.stat", "false")));
        assertEquals(old, Files.getLastModifiedTime(file));
        CfgFile.update(file, Map.of("feature.stat", "true", "ftp.port", "2121"));
        Map<String, Object> read = asFileInstallReadsIt(file);
        assertEquals(Boolean.TRUE, read.get("feature.stat"));
        assertEquals(2121, read.get("ftp.port"));
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalArgumentException.class, () -> CfgFile.update(file, Map.of("banner.connect", "x\u4e2dy")));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    /** Found by a review: an operator's symbolic link to the .cfg file was replaced by a plain file. */
    @Test
    void aLinkedFileStaysALinkAndItsTargetIsWritten() throws Exception {
        Path real = Files.writeString(dir.resolve("real.cfg"), "ftp.port = 21\n");
        Path link = Files.createSymbolicLink(dir.resolve("ftp.site-l.cfg"), real);
        CfgFile.update(link, Map.of("ftp.port", "22"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("ftp.port = 22\n", Files.readString(real));
    }

    /** Found by a review: only the last of a key given twice was known, so it could not be removed. */
    @Test
    void aKeyGivenTwiceCanBeRemovedAndReplacedEverywhere() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-tw.cfg"), "root = /a\nftp.port = 21\nroot = /b\n");
        Map<String, String> remove = new HashMap<>();
        remove.put("root", null);
        CfgFile.update(file, remove);
        assertEquals("ftp.port = 21\n", Files.readString(file));
        Files.writeString(file, "root = /a\nftp.port = 21\nroot = /b\n");
        CfgFile.update(file, Map.of("root", "/c"));
        assertEquals("ftp.port = 21\nroot = /c\n", Files.readString(file));
    }

    @Test
    void aKeyGivenTwiceIsReplacedWhereFileInstallReadsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-d.cfg"), "ftp.port = 21\nroot = /a\nftp.port = 22\n");
        CfgFile.update(file, Map.of("ftp.port", "23"));
        assertEquals("23", asFileInstallReadsIt(file).get("ftp.port"));
    }
}
