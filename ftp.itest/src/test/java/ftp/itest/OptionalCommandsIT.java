package ftp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;


/**
 * The optional commands of ftp.features as DS registers them in Felix: every FEAT line, SITE
 * finding its subcommands on the whiteboard, and a site whose toggles are off beside one whose
 * toggles are on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OptionalCommandsIT extends FtpIT {

    @Before
    public void setUp() throws Exception {
        sites.user("opt", "opt-password");
    }

    @Test
    public void everyOptionalCommandAnswersAndFeatTellsTheTruth() throws Exception {
        int on = sites.create("all-on", Map.of());
        int off = sites.create("all-off", Map.of("feature.port", "false", "feature.hash", "false", "feature.comb", "false",
                "feature.stat", "false", "feature.syst", "false", "feature.site", "false", "feature.mlsd", "false",
                "feature.mlst", "false", "feature.mfmt", "false"));
        Path home = Sites.data().resolve("all-on/opt");
        FTPClient client = Sites.login(on, "opt", "opt-password");
        Files.writeString(home.resolve("a.txt"), "abc");

        assertEquals(211, client.feat());
        String feat = client.getReplyString();
        for (String line : List.of(" COMB", " EPRT", " HASH SHA-256*;SHA-512;SHA-1;MD5;CRC32;", " MFMT", " RANG STREAM",
                " MLST type*;size*;modify*;perm*;unique*;UNIX.mode*;")) {
            assertTrue(line + " in " + feat, feat.contains(line + "\r\n"));
        }
        assertEquals(213, client.sendCommand("HASH a.txt"));
        assertEquals("213 SHA-256 0-2 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad a.txt",
                client.getReplyString().trim());
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        assertEquals(350, client.sendCommand("RANG 1 1"));
        ByteArrayOutputStream ranged = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("a.txt", ranged));
        assertEquals("the core's RETR honours the features bundle's RANG", "b", ranged.toString("US-ASCII"));
        assertEquals(214, client.sendCommand("SITE HELP"));
        assertTrue(client.getReplyString(), client.getReplyString().contains(" CHMOD ") && client.getReplyString().contains(" UTIME "));
        assertEquals(213, client.sendCommand("MFMT 20200101000000 a.txt"));
        assertEquals(250, client.sendCommand("MLST a.txt"));
        assertEquals(211, client.sendCommand("STAT"));
        assertEquals(215, client.sendCommand("SYST"));

        FTPClient none = Sites.login(off, "opt", "opt-password");
        assertEquals(211, none.feat());
        String plain = none.getReplyString();
        for (String verb : List.of("PORT", "EPRT", "HASH", "RANG", "COMB", "STAT", "SYST", "SITE", "MLSD", "MLST", "MFMT")) {
            assertEquals(verb, 502, none.sendCommand(verb + " x"));
            assertFalse(verb + " in FEAT " + plain, plain.matches("(?s).*\r\n " + verb + "[ \r].*"));
        }
        assertEquals("the other site keeps its own choice", 213, client.sendCommand("HASH a.txt"));
    }
}
