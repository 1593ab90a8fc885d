package ftp.jaas.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.FtpUser;
import ftp.core.api.UserStore;

/**
 * FTP logins checked against a JAAS realm: in Karaf, its {@code karaf} realm or any LDAP/JDBC
 * realm an operator adds. The realm's roles decide what the user may do ({@link RoleMapping}); a
 * user without a listed role cannot log in. Nothing is cached: a password changed in the realm
 * counts at the next login.
 */
@Component(service = UserStore.class, configurationPid = JaasUserStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = JaasConfiguration.class)
public final class JaasUserStore implements UserStore {

    static final String PID = "ftp.jaas";

    private static final Logger LOG = LoggerFactory.getLogger(JaasUserStore.class);
    /** The login names the .cfg users may have too. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final String realm;
    private final List<RoleMapping> mappings;
    private final Predicate<Principal> isRole;
    /** null: the JVM's login configuration (in Karaf, its JAAS realms). */
    private final Configuration logins;

    @Activate
    public JaasUserStore(JaasConfiguration configuration, Map<String, Object> properties) {
        this(configuration.realm(), RoleMapping.parse(properties), configuration.role_principal_class(), null);
    }

    JaasUserStore(String realm, List<RoleMapping> mappings, String rolePrincipalClass, Configuration logins) {
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("realm: empty; name a JAAS realm (Karaf's own is karaf)");
        }
        this.realm = realm.trim();
        this.mappings = mappings;
        this.isRole = rolePrincipalClass.isBlank() ? p -> p.getClass().getSimpleName().equals("RolePrincipal")
                : p -> p.getClass().getName().equals(rolePrincipalClass.trim());
        this.logins = logins;
        LOG.info("FTP logins also checked against JAAS realm '{}' for roles {}", this.realm,
                mappings.stream().map(RoleMapping::role).toList());
    }

    @Override
    public Optional<FtpUser> authenticate(String name, char[] password) {
        if (!NAME.matcher(name).matches()) {
            // as for the .cfg users: a realm that folds case or blanks, or allows '/', must not turn
            // one account into several homes ({user} goes into the home's path)
            return Optional.empty();
        }
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the login modules are loaded through the context class loader; Karaf's proxy module is
        // boot-delegated, so this bundle's loader sees it
        thread.setContextClassLoader(JaasUserStore.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, name, password), logins);
            context.login();
            try {
                Set<String> roles = subject.getPrincipals().stream().filter(isRole).map(Principal::getName)
                        .collect(Collectors.toSet());
                Optional<RoleMapping> mapping = mappings.stream().filter(m -> roles.contains(m.role())).findFirst();
                if (mapping.isEmpty()) {
                    LOG.info("JAAS realm {}: '{}' has none of the roles {}; not an FTP user", realm, name,
                            mappings.stream().map(RoleMapping::role).toList());
                }
                return mapping.map(m -> m.user(name));
            } finally {
                context.logout();
            }
        } catch (LoginException e) {
            LOG.debug("JAAS realm {}: login of '{}' refused: {}", realm, name, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String name, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback nameCallback) {
                nameCallback.setName(name);
            } else if (callback instanceof PasswordCallback passwordCallback) {
                passwordCallback.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
