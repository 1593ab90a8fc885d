package ftp.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import ftp.core.api.FtpUser;
import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;
import ftp.core.internal.site.InvalidConfigurationException;

class ConfiguredUserStoreTest {

    @TempDir
    Path etc;

    /** A Config Admin holding configurations in a map, as the store sees it. */
    static final class Configurations {
        final Map<String, Hashtable<String, Object>> byPid = new HashMap<>();

        ConfigurationAdmin admin() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, args) -> {
                        if (!method.getName().equals("listConfigurations")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        String pid = ((String) args[0]).replaceAll("\\(service\\.pid=(.*)\\)", "$1");
                        return byPid.containsKey(pid) ? new Configuration[] { configuration(pid) } : null;
                    });
        }

        Configuration configuration(String pid) {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { Configuration.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "getProperties" -> new Hashtable<>(byPid.get(pid));
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> updated = (Dictionary<String, Object>) args[0];
                            Hashtable<String, Object> copy = new Hashtable<>();
                            for (String key : java.util.Collections.list(updated.keys())) {
                                copy.put(key, updated.get(key));
                            }
                            byPid.put(pid, copy);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void aPlainPasswordIsHashedAndWrittenBack() {
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("password", "plain-secret", "home", "alice"));
        configurations.byPid.put("ftp.user~alice", properties);
        store.updated("ftp.user~alice", properties);

        String written = (String) configurations.byPid.get("ftp.user~alice").get("password");
        assertTrue(PasswordHasher.isHash(written), written);
        assertTrue(PasswordHasher.matches(written, "plain-secret".toCharArray()));
        assertEquals("alice", configurations.byPid.get("ftp.user~alice").get("home"), "other keys are kept");
        FtpUser user = store.authenticate("alice", "plain-secret".toCharArray()).orElseThrow();
        assertEquals("alice", user.home());
        assertTrue(store.authenticate("alice", "wrong".toCharArray()).isEmpty());
        assertTrue(store.authenticate("nobody", "plain-secret".toCharArray()).isEmpty());
    }

    @Test
    void aFileBackedPasswordIsRewrittenInTheFileOnlyKeepingEverythingElse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("ftp.user-zoe.cfg");
        java.nio.file.Files.writeString(file, "# Zoe's account\nhome = zoe\npassword = zoes-plain\npermissions = list, read\n");
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("password", "zoes-plain", "home", "zoe",
                "permissions", "list, read", "felix.fileinstall.filename", file.toUri().toString()));
        configurations.byPid.put("ftp.user~zoe", properties);
        store.updated("ftp.user~zoe", properties);

        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals(List.of("# Zoe's account", "home = zoe"), lines.subList(0, 2));
        assertTrue(lines.get(2).startsWith("password = $2y$10$"), lines.get(2));
        assertTrue(PasswordHasher.matches(lines.get(2).substring("password = ".length()), "zoes-plain".toCharArray()));
        assertEquals("permissions = list, read", lines.get(3));
        assertEquals("zoes-plain", configurations.byPid.get("ftp.user~zoe").get("password"),
                "Config Admin is not written: File Install delivers the new file");
        assertTrue(store.authenticate("zoe", "zoes-plain".toCharArray()).isPresent(), "usable at once");
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void aHashIsKeptAndDisabledUsersCannotLogIn() {
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        String hash = new PasswordHasher().hash("pw".toCharArray());
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("password", hash, "enabled", "false"));
        configurations.byPid.put("ftp.user~bob", properties);
        store.updated("ftp.user~bob", properties);
        assertEquals(hash, configurations.byPid.get("ftp.user~bob").get("password"));
        assertTrue(store.authenticate("bob", "pw".toCharArray()).isEmpty());
    }

    /**
     * The verified-credential cache must never outlive what it vouched for: a changed password,
     * a disabled account and a deleted one end the old password's logins at once.
     */
    @Test
    void aChangedDisabledOrDeletedUserLosesItsVerifiedPassword() {
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        PasswordHasher hasher = new PasswordHasher();
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("password", hasher.hash("old".toCharArray())));
        configurations.byPid.put("ftp.user~bob", properties);
        store.updated("ftp.user~bob", properties);
        assertTrue(store.authenticate("bob", "old".toCharArray()).isPresent());
        assertTrue(store.authenticate("bob", "old".toCharArray()).isPresent(), "again, from the cache");
        assertTrue(store.authenticate("bob", "wrong".toCharArray()).isEmpty());

        properties = new Hashtable<>(Map.of("password", hasher.hash("new".toCharArray())));
        configurations.byPid.put("ftp.user~bob", properties);
        store.updated("ftp.user~bob", properties);
        assertTrue(store.authenticate("bob", "old".toCharArray()).isEmpty(), "a changed password");
        assertTrue(store.authenticate("bob", "new".toCharArray()).isPresent());

        properties = new Hashtable<>(Map.of("password", properties.get("password"), "enabled", "false"));
        store.updated("ftp.user~bob", properties);
        assertTrue(store.authenticate("bob", "new".toCharArray()).isEmpty(), "a disabled account");

        properties = new Hashtable<>(Map.of("password", properties.get("password")));
        store.updated("ftp.user~bob", properties);
        assertTrue(store.authenticate("bob", "new".toCharArray()).isPresent());
        store.deleted("ftp.user~bob");
        assertTrue(store.authenticate("bob", "new".toCharArray()).isEmpty(), "a deleted account");
    }

    @Test
    void setPasswordWritesAHash() throws Exception {
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("password", new PasswordHasher().hash("old".toCharArray())));
        configurations.byPid.put("ftp.user~carol", properties);
        store.updated("ftp.user~carol", properties);
        store.setPassword("carol", "new".toCharArray());
        assertTrue(PasswordHasher.matches((String) configurations.byPid.get("ftp.user~carol").get("password"), "new".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> store.setPassword("nobody", "x".toCharArray()));
    }

    @Test
    void defaultsAllowEverything() throws Exception {
        ConfiguredUserStore.StoredUser user = ConfiguredUserStore.parse("dave", "hash", new HashMap<>());
        assertEquals(EnumSet.allOf(Permission.class), user.user().permissions());
        assertEquals(EnumSet.allOf(SessionProtocol.class), user.user().protocols());
        assertEquals(Set.of("*"), user.user().sites());
        assertEquals("", user.user().home());
        assertTrue(user.enabled());
    }

    @Test
    void listsAreParsedAndErrorsNameTheProperty() throws Exception {
        ConfiguredUserStore.StoredUser user = ConfiguredUserStore.parse("erin", "hash", new HashMap<>(Map.of(
                "protocols", "ftpes, ftps", "permissions", new String[] { "list", "read" }, "sites", "a,b")));
        assertEquals(EnumSet.of(SessionProtocol.FTPES, SessionProtocol.FTPS), user.user().protocols());
        assertEquals(EnumSet.of(Permission.LIST, Permission.READ), user.user().permissions());
        assertEquals(Set.of("a", "b"), user.user().sites());
        for (Map.Entry<String, Object> bad : List.of(Map.<String, Object>entry("protocols", "ftp, sftp"),
                Map.<String, Object>entry("permissions", "read, execute"), Map.<String, Object>entry("enabled", "yes"))) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> ConfiguredUserStore.parse("x", "h", new HashMap<>(Map.ofEntries(bad))));
            assertEquals(bad.getKey(), e.property());
        }
    }

    @Test
    void theNameComesFromThePropertyTheNamedConfigurationOrTheFile() throws Exception {
        assertEquals("frank", ConfiguredUserStore.userName("ftp.user.123", Map.of("name", "frank")));
        assertEquals("gina", ConfiguredUserStore.userName("ftp.user~gina", Map.of()));
        assertEquals("hank", ConfiguredUserStore.userName("ftp.user.456",
                Map.of("felix.fileinstall.filename", "file:/srv/etc/ftp.user-hank.cfg")));
        assertEquals("name", assertThrows(InvalidConfigurationException.class,
                () -> ConfiguredUserStore.userName("ftp.user.789", Map.of())).property());
        assertEquals("name", assertThrows(InvalidConfigurationException.class,
                () -> ConfiguredUserStore.userName("ftp.user~bad name", Map.of())).property());
    }

    @Test
    void aConfigurationWithoutPasswordIsRefused() {
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("home", "x"));
        store.updated("ftp.user~nopw", properties);
        assertTrue(store.authenticate("nopw", "".toCharArray()).isEmpty());
    }

    /** Issue 12, item 5: there was no command to create a user; ftp:user-add writes the file File Install reads. */
    @Test
    void anAddedUserIsAFileWithTheHashOnlyThatTheStoreThenAuthenticates() throws Exception {
        Configurations configurations = new Configurations();
        ConfiguredUserStore store = new ConfiguredUserStore(configurations.admin(), etc);
        Path file = store.add("gina", "ginas-password".toCharArray(), Map.of("home", "gina", "permissions", "list,read"));
        assertEquals(etc.resolve("ftp.user-gina.cfg"), file);
        String content = Files.readString(file);
        assertTrue(!content.contains("ginas-password") && content.contains("password = $2"), content);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Map<String, Object> read = ftp.core.internal.site.CfgFileTest.asFileInstallReadsIt(file);
        store.updated("ftp.user~gina", new Hashtable<>(read));
        assertEquals(List.of("gina"), store.users());
        FtpUser gina = store.authenticate("gina", "ginas-password".toCharArray()).orElseThrow();
        assertEquals("gina", gina.home());
        assertEquals(Set.of(Permission.LIST, Permission.READ), gina.permissions());

        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> store.add("gina", "x".toCharArray(), Map.of()));
        assertTrue(taken.getMessage().startsWith("name: "), taken.getMessage());
        for (Map<String, String> bad : List.of(Map.of("permissions", "fly"), Map.of("password", "x"),
                Map.of("protocols", "sftp"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> store.add("hank", "pw".toCharArray(), bad), bad.toString());
            assertTrue(refused.getMessage().startsWith(bad.keySet().iterator().next() + ": "), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> store.add("bad name", "pw".toCharArray(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> store.add("hank", new char[0], Map.of()));
        assertEquals(List.of(file), Files.list(etc).toList(), "a refused user writes nothing");
    }
}
