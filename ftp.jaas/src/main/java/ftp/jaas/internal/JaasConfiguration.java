package ftp.jaas.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code ftp.jaas} configuration ({@code etc/ftp.jaas.cfg}). Each role listed in
 * {@code roles} has {@code role.<role>.home}, {@code .sites}, {@code .protocols} and
 * {@code .permissions} (not listed here: their keys hold the role's name).
 */
@ObjectClassDefinition(name = "FTP users from a JAAS realm",
        description = "Logins checked against a JAAS realm; realm roles map to sites, home and permissions")
@interface JaasConfiguration {

    @AttributeDefinition(name = "Realm", description = "The JAAS realm (login configuration) to check logins against; "
            + "Karaf's own is karaf (etc/users.properties), LDAP and JDBC realms are added as Karaf JAAS realms")
    String realm() default "karaf";

    @AttributeDefinition(name = "Roles", description = "The realm roles that may log in, first match wins; each with "
            + "role.<role>.home ({user} = the login name), role.<role>.sites, .protocols and .permissions")
    String[] roles();

    @AttributeDefinition(name = "Role principal class", description = "The class of the principals that are roles; "
            + "empty = any class named RolePrincipal (Karaf's, Jetty's)", required = false)
    String role_principal_class() default "";

    @AttributeDefinition(name = "Ranking", description = "Stores are asked in ranking order; the etc/ftp.user-*.cfg "
            + "users have 0, so by default they are asked first")
    int service_ranking() default -10;
}
