package ftp.jaas.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.junit.jupiter.api.Test;

import ftp.core.api.FtpUser;
import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;

/** Issue 12, item 7: FTP users from a JAAS realm, their roles mapped to sites, home and permissions. */
class JaasUserStoreTest {

    /** The shape of Karaf's principals: a role is a principal of a class named RolePrincipal. */
    record RolePrincipal(String getName) implements Principal {
    }

    record GroupPrincipal(String getName) implements Principal {
    }

    /** A realm of two users, as Karaf's properties login module would answer for them. */
    public static final class TwoUsers implements LoginModule {
        static final Map<String, String> PASSWORDS = Map.of("ann", "ann-pw", "vic", "vic-pw", "gus", "gus-pw");
        static final Map<String, List<Principal>> PRINCIPALS = Map.of(
                "ann", List.of(new GroupPrincipal("admingroup"), new RolePrincipal("admin"), new RolePrincipal("viewer")),
                "vic", List.of(new RolePrincipal("viewer")),
                "gus", List.of(new GroupPrincipal("admin")));
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> state, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] { name, password });
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!new String(password.getPassword()).equals(PASSWORDS.get(name.getName()))) {
                throw new FailedLoginException("wrong password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().addAll(PRINCIPALS.get(user));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    static final Configuration REALM = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return "test".equals(name) ? new AppConfigurationEntry[] { new AppConfigurationEntry(TwoUsers.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of()) } : null;
        }
    };

    static JaasUserStore store(Map<String, Object> configuration) {
        return new JaasUserStore("test", RoleMapping.parse(configuration), "", REALM);
    }

    final JaasUserStore store = store(Map.of("roles", "admin, viewer",
            "role.admin.home", "{user}",
            "role.viewer.home", "public", "role.viewer.permissions", "list,read", "role.viewer.sites", "main",
            "role.viewer.protocols", "ftpes,ftps"));

    @Test
    void theFirstListedRoleOfTheUserDecides() {
        FtpUser ann = store.authenticate("ann", "ann-pw".toCharArray()).orElseThrow();
        assertEquals("ann", ann.home());
        assertEquals(EnumSet.allOf(Permission.class), ann.permissions());
        assertTrue(ann.mayUseSite("any"));
        assertEquals(EnumSet.allOf(SessionProtocol.class), ann.protocols());

        FtpUser vic = store.authenticate("vic", "vic-pw".toCharArray()).orElseThrow();
        assertEquals("public", vic.home());
        assertEquals(Set.of(Permission.LIST, Permission.READ), vic.permissions());
        assertEquals(Set.of("main"), vic.sites());
        assertEquals(Set.of(SessionProtocol.FTPES, SessionProtocol.FTPS), vic.protocols());
    }

    @Test
    void wrongPasswordsUnknownUsersAndUsersWithoutAListedRoleAreRefused() {
        assertTrue(store.authenticate("ann", "wrong".toCharArray()).isEmpty());
        assertTrue(store.authenticate("nobody", "x".toCharArray()).isEmpty());
        assertTrue(store.authenticate("ann/../vic", "ann-pw".toCharArray()).isEmpty(), "no path in a name");
        assertTrue(store.authenticate("gus", "gus-pw".toCharArray()).isEmpty(), "a group named admin is not the role");
        assertTrue(store(Map.of("roles", "viewer")).authenticate("ann", "ann-pw".toCharArray()).orElseThrow()
                .permissions().equals(EnumSet.allOf(Permission.class)), "viewer without settings gets the defaults");
    }

    @Test
    void anUnknownRealmRefusesEveryLoginInsteadOfFailing() {
        JaasUserStore other = new JaasUserStore("nosuch", RoleMapping.parse(Map.of("roles", "admin")), "", REALM);
        assertTrue(other.authenticate("ann", "ann-pw".toCharArray()).isEmpty());
    }

    @Test
    void aRolePrincipalClassCanBeNamed() {
        JaasUserStore byClass = new JaasUserStore("test", RoleMapping.parse(Map.of("roles", "admin")),
                GroupPrincipal.class.getName(), REALM);
        assertTrue(byClass.authenticate("gus", "gus-pw".toCharArray()).isPresent());
        assertTrue(byClass.authenticate("ann", "ann-pw".toCharArray()).isEmpty(), "ann's group is admingroup");
    }

    @Test
    void badMappingsAreRefusedNamingTheKey() {
        Map<String, Object> bad = new HashMap<>(Map.of("roles", "admin", "role.admin.permissions", "fly"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse(bad)).getMessage()
                .startsWith("role.admin.permissions: "));
        bad.put("role.admin.permissions", "read");
        bad.put("role.admin.protocols", "sftp");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse(bad)).getMessage()
                .startsWith("role.admin.protocols: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoleMapping.parse(Map.of())).getMessage()
                .startsWith("roles: missing"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new JaasUserStore(" ", List.of(), "", REALM)).getMessage().startsWith("realm: "));
    }
}
