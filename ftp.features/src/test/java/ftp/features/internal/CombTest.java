package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import ftp.core.api.Permission;
import ftp.core.internal.RawControl;

/** COMB: complete or untouched, parts removed only after success, permissions per part and target. */
class CombTest extends FeatureTest {

    Path write(String name, String content) throws Exception {
        return Files.writeString(site.home().resolve(name), content);
    }

    @Test
    void combinesQuotedAndPlainPartsIntoANewTarget() throws Exception {
        write("part 1", "alpha-");
        write("p2", "beta-");
        write("p3", "gamma");
        try (RawControl control = new RawControl(site.port()).login()) {
            assertEquals("250 COMB successful: /whole.txt is 16 bytes\r\n", control.command("COMB whole.txt \"part 1\" p2 p3"));
        }
        assertEquals("alpha-beta-gamma", Files.readString(site.home().resolve("whole.txt")));
        for (String part : List.of("part 1", "p2", "p3")) {
            assertFalse(Files.exists(site.home().resolve(part)), part + " removed");
        }
    }

    @Test
    void appendsToAnExistingTarget() throws Exception {
        write("log", "start;");
        write("more", "more;");
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("COMB log more").startsWith("250"));
        }
        assertEquals("start;more;", Files.readString(site.home().resolve("log")));
    }

    @Test
    void aFailureLeavesTargetAndPartsExactlyAsBefore() throws Exception {
        write("target", "original");
        write("a", "A");
        Files.createDirectory(site.home().resolve("adir"));
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("COMB target a missing").startsWith("550"));
            assertTrue(control.command("COMB target a adir").startsWith("550"));
            assertTrue(control.command("COMB target a a").startsWith("553"));
            assertTrue(control.command("COMB target target").startsWith("553"));
            assertTrue(control.command("COMB adir a").startsWith("553"));
            assertTrue(control.command("COMB target").startsWith("501"));
            assertTrue(control.command("COMB").startsWith("501"));
            assertTrue(control.command("COMB target \"a").startsWith("501"));
        }
        assertEquals("original", Files.readString(site.home().resolve("target")));
        assertEquals("A", Files.readString(site.home().resolve("a")));
        try (var files = Files.list(site.home())) {
            assertEquals(3, files.count(), "no temporary file left");
        }
    }

    @Test
    void permissionsAreCheckedForTargetAndParts() throws Exception {
        write("a", "A");
        write("b", "B");
        write("existing", "E");
        site.addUser("nodelete", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ, Permission.WRITE,
                Permission.APPEND));
        site.addUser("noappend", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ, Permission.WRITE,
                Permission.DELETE));
        for (String user : List.of("nodelete", "noappend")) {
            try (RawControl control = new RawControl(site.port()).login(user, "pw")) {
                String target = user.equals("noappend") ? "existing" : "new";
                assertTrue(control.command("COMB " + target + " a b").startsWith("550"), user);
            }
        }
        assertEquals("A", Files.readString(site.home().resolve("a")));
        assertEquals("E", Files.readString(site.home().resolve("existing")));
        assertFalse(Files.exists(site.home().resolve("new")));
    }
}
