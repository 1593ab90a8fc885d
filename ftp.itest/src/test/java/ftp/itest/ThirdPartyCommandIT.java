package ftp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;


/**
 * A third-party command bundle (the XCRC/XSHA256 example, built against {@code ftp.core.api}
 * only) installed into and uninstalled from a running server while clients stay logged in: its
 * verbs answer and appear in FEAT and HELP at once, only on the sites whose {@code feature.xcrc}
 * is on, and go away again without dropping a session.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ThirdPartyCommandIT extends FtpIT {

    private static final String USER = "xcrc-user";
    private static final String PASSWORD = "xcrc-password";
    /** CRC-32's published check value is that of the ASCII digits 1 to 9. */
    private static final String CONTENT = "123456789";
    private static final String CRC32 = "cbf43926";
    private static final String SHA256 = "15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225";

    @Inject
    BundleContext bundleContext;

    // FtpOptions.base() deliberately lacks the example bundle: the test installs it at runtime.

    @Test
    public void aCommandBundleComesAndGoesWhileSessionsStayLoggedIn() throws Exception {
        sites.user(USER, PASSWORD);
        FTPClient on = Sites.login(sites.create("xcrc-on", Map.of()), USER, PASSWORD);
        FTPClient off = Sites.login(sites.create("xcrc-off", Map.of("feature.xcrc", "false")), USER, PASSWORD);
        // The logins created the homes.
        for (String site : List.of("xcrc-on", "xcrc-off")) {
            Files.writeString(Sites.data().resolve(site).resolve(USER).resolve("check.txt"), CONTENT, StandardCharsets.US_ASCII);
        }

        // 1. Nothing deployed answers XCRC yet.
        assertEquals(502, on.sendCommand("XCRC", "check.txt"));
        String before = feat(on);
        assertFalse(before, before.contains("XCRC"));

        // 2. The bundle arrives under the logged-in sessions.
        Bundle bundle = bundleContext.installBundle(exampleBundle());
        bundle.start();
        awaitCode(on, 250, "XCRC", "check.txt");
        assertEquals("250 " + CRC32, on.getReplyString().trim());
        assertEquals(250, on.sendCommand("XCRC", "\"check.txt\" 0 9"));
        assertEquals("250 " + CRC32, on.getReplyString().trim());
        assertEquals(250, on.sendCommand("XSHA256", "check.txt"));
        assertEquals("250 " + SHA256, on.getReplyString().trim());
        String after = feat(on);
        assertTrue(after, after.contains("\r\n XCRC\r\n"));
        assertTrue(after, after.contains("\r\n XSHA256\r\n"));
        assertTrue("no session was dropped", on.sendNoOp());
        assertTrue("no session was dropped", off.sendNoOp());

        // 3. The site with feature.xcrc=false neither answers nor advertises the verbs.
        assertEquals(502, off.sendCommand("XCRC", "check.txt"));
        assertEquals(502, off.sendCommand("XSHA256", "check.txt"));
        String featOff = feat(off);
        assertFalse(featOff, featOff.contains("XCRC") || featOff.contains("XSHA256"));
        String helpOff = help(off);
        assertFalse(helpOff, helpOff.contains("XCRC") || helpOff.contains("XSHA256"));
        assertEquals(502, off.sendCommand("HELP", "XCRC"));
        String helpOn = help(on);
        assertTrue(helpOn, helpOn.contains("XCRC") && helpOn.contains("XSHA256"));
        assertEquals(250, on.sendCommand("XCRC", "check.txt"));

        // 4. The bundle leaves; the sessions stay.
        bundle.uninstall();
        awaitCode(on, 502, "XCRC", "check.txt");
        assertEquals(502, on.sendCommand("XSHA256", "check.txt"));
        String featGone = feat(on);
        assertFalse(featGone, featGone.contains("XCRC") || featGone.contains("XSHA256"));
        String helpGone = help(on);
        assertFalse(helpGone, helpGone.contains("XCRC") || helpGone.contains("XSHA256"));
        assertTrue("no session was dropped", on.sendNoOp());
        assertTrue("no session was dropped", off.sendNoOp());
        on.logout();
        off.logout();
    }

    /** The example's jar in its module's target directory, where FtpOptions.ours finds the others. */
    private static String exampleBundle() {
        return new File(System.getProperty("ftp.bundles"), "ftp.example.xcrc/target/ftp.example.xcrc-"
                + System.getProperty("ftp.version") + ".jar").toURI().toString();
    }

    /**
     * Repeats a command until it gets {@code code}: Declarative Services registers (and
     * unregisters) a bundle's components asynchronously to the bundle's start (and stop).
     */
    private static void awaitCode(FTPClient client, int code, String verb, String argument)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (client.sendCommand(verb, argument) != code) {
            if (System.currentTimeMillis() > deadline) {
                fail(verb + " still answers " + client.getReplyString().trim() + ", expected " + code);
            }
            Thread.sleep(20);
        }
    }

    /** The raw FEAT reply. */
    private static String feat(FTPClient client) throws IOException {
        assertEquals(211, client.sendCommand("FEAT"));
        return client.getReplyString();
    }

    /** The raw HELP reply. */
    private static String help(FTPClient client) throws IOException {
        assertEquals(214, client.sendCommand("HELP"));
        return client.getReplyString();
    }
}
