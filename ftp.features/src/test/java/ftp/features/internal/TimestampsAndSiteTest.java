package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.SiteSubcommand;
import ftp.core.internal.RawControl;
import ftp.core.internal.TestSite;

/** MFMT, and SITE with its built-in and dynamically added subcommands. */
class TimestampsAndSiteTest extends FeatureTest {

    Path file;

    @BeforeEach
    void files() throws Exception {
        file = Files.writeString(site.home().resolve("f.txt"), "x");
    }

    @Test
    void mfmtSetsTheTimeSeenByMdtmAndMlst() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            assertEquals("213 Modify=20200229120000; /f.txt\r\n", control.command("MFMT 20200229120000 f.txt"));
            assertEquals("213 20200229120000\r\n", control.command("MDTM f.txt"));
            assertTrue(control.command("MLST f.txt").contains(";modify=20200229120000;"));
            assertEquals("213 Modify=20210101000000; /f.txt\r\n", control.command("MFMT 20210101000000.123 f.txt"));
            assertTrue(control.command("MFMT 20210230000000 f.txt").startsWith("501"), "no 30 February");
            assertTrue(control.command("MFMT yesterday f.txt").startsWith("501"));
            assertTrue(control.command("MFMT 20200229120000").startsWith("501"));
            assertTrue(control.command("MFMT 20200229120000 missing").startsWith("550"));
        }
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), Files.getLastModifiedTime(file).toInstant());
    }

    @Test
    void siteChmodAndUtime() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            String help = control.command("SITE HELP");
            assertEquals("214-The following SITE commands are recognized:\r\n HELP\r\n CHMOD <sp> mode <sp> pathname\r\n"
                    + " UTIME <sp> YYYYMMDDHHMMSS <sp> pathname\r\n214 Help OK\r\n", help);
            assertEquals("200 SITE CHMOD command successful\r\n", control.command("SITE CHMOD 640 f.txt"));
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(control.command("SITE chmod 0755 f.txt").startsWith("200"));
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(control.command("SITE CHMOD 888 f.txt").startsWith("501"));
            assertTrue(control.command("SITE CHMOD 4755 f.txt").startsWith("501"));
            assertTrue(control.command("SITE CHMOD 644").startsWith("501"));
            assertTrue(control.command("SITE CHMOD 644 missing").startsWith("550"));
            // issue 10 item 8: the home (here also the site root's only way in) could be set to 000
            String home = PosixFilePermissions.toString(Files.getPosixFilePermissions(site.home()));
            for (String path : new String[] { "/", ".", "..", "sub/.." }) {
                assertEquals("550 The mode of the home directory cannot be changed\r\n",
                        control.command("SITE CHMOD 000 " + path), path);
            }
            assertEquals(home, PosixFilePermissions.toString(Files.getPosixFilePermissions(site.home())));

            assertEquals("200 SITE UTIME command successful\r\n", control.command("SITE UTIME 20190102030405 f.txt"));
            assertEquals("213 20190102030405\r\n", control.command("MDTM f.txt"));
            Files.writeString(site.home().resolve("with space.txt"), "y");
            assertTrue(control.command("SITE UTIME with space.txt 20180101000000 20170101000000 20160101000000 UTC")
                    .startsWith("200"));
            BasicFileAttributes times = Files.readAttributes(site.home().resolve("with space.txt"), BasicFileAttributes.class);
            assertEquals(Instant.parse("2017-01-01T00:00:00Z"), times.lastModifiedTime().toInstant());
            assertEquals(Instant.parse("2018-01-01T00:00:00Z"), times.lastAccessTime().toInstant());
            assertTrue(control.command("SITE UTIME 2019 f.txt").startsWith("501"));
            assertTrue(control.command("SITE UTIME 20190102030405 missing").startsWith("550"));

            assertTrue(control.command("SITE BOGUS").startsWith("504"));
            assertTrue(control.command("SITE").startsWith("501"));
        }
    }

    @Test
    void siteSubcommandsNeedWriteAndComeAndGoAsServices() throws Exception {
        site.addUser("reader", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ));
        try (RawControl control = new RawControl(site.port()).login("reader", "pw")) {
            assertTrue(control.command("SITE CHMOD 600 f.txt").startsWith("550"));
            assertTrue(control.command("SITE UTIME 20190102030405 f.txt").startsWith("550"));
            assertTrue(control.command("MFMT 20190102030405 f.txt").startsWith("550"));
        }
        SiteSubcommand whoami = new SiteSubcommand() {
            @Override
            public void execute(String argument, FtpSession session) {
                session.reply(200, "You are " + session.user().orElseThrow().name());
            }

            @Override
            public String help() {
                return "WHOAMI";
            }
        };
        SiteCommand siteCommand = new SiteCommand();
        try (TestSite plain = TestSite.start(dir.resolve("plain"))) {
            plain.register(siteCommand);
            RawControl control = new RawControl(plain.port()).login();
            assertTrue(control.command("SITE WHOAMI").startsWith("504"));
            siteCommand.addSubcommand(whoami, java.util.Map.of(SiteSubcommand.NAME, "whoami"));
            assertEquals("200 You are alice\r\n", control.command("SITE WHOAMI"));
            assertTrue(control.command("SITE HELP").contains("\r\n WHOAMI\r\n"));
            siteCommand.removeSubcommand(whoami);
            assertTrue(control.command("SITE WHOAMI").startsWith("504"));
            control.close();
        }
    }
}
