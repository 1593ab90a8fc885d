package ftp.core.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of users (the configuration-based store of the core, or Karaf JAAS, LDAP…). Sites
 * ask every registered store in service-ranking order; the first that knows the name answers.
 */
@ConsumerType
public interface UserStore {

    /**
     * Checks a password.
     *
     * @return the user when the name is known to this store, enabled, and the password matches;
     *         empty otherwise
     */
    Optional<FtpUser> authenticate(String name, char[] password);
}
