package ftp.core.internal.user;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the factory PID {@code ftp.user} (etc/ftp.user-&lt;name&gt;.cfg). */
@ObjectClassDefinition(id = "ftp.user", name = "FTP user", description = "A user of the FTP sites.")
public @interface UserConfiguration {

    @AttributeDefinition(name = "Name", description = "Login name; defaults to the configuration file's name.",
            required = false)
    String name();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "A bcrypt hash. A plain "
            + "password written here is hashed on first read and the hash is written back.")
    String password();

    @AttributeDefinition(name = "Home", description = "Home directory inside the site root ('alice' or '/alice'); "
            + "empty or '/' is the root itself. Created on first login.", required = false)
    String home();

    @AttributeDefinition(name = "Sites", description = "Sites the user may log in to; * = all.")
    String[] sites() default "*";

    @AttributeDefinition(name = "Protocols", description = "The per-user FTP protocol allowance.", options = {
            @Option(label = "Plain FTP", value = "ftp"), @Option(label = "FTPES (AUTH TLS)", value = "ftpes"),
            @Option(label = "Implicit FTPS", value = "ftps") })
    String[] protocols() default { "ftp", "ftpes", "ftps" };

    @AttributeDefinition(name = "Permissions", description = "What the user may do below the home.")
    String[] permissions() default { "list", "read", "write", "append", "delete", "rename", "mkdir", "rmdir" };

    @AttributeDefinition(name = "Enabled", description = "A disabled user cannot log in.")
    boolean enabled() default true;
}
