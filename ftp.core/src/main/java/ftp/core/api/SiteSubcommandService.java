package ftp.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that registers a {@link SiteSubcommand}:
 * {@code @Component(service = SiteSubcommand.class) @SiteSubcommandService(command = "CHMOD")}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SiteSubcommandService {

    /** Prefix of the generated service properties ({@code ftp.site.command}, {@code ftp.site.feature}). */
    String PREFIX_ = "ftp.site.";

    /** The subcommand's name: {@link SiteSubcommand#NAME}. */
    String command();

    /** Its feature key: {@link SiteSubcommand#FEATURE}; empty for none. */
    String feature() default "";
}
