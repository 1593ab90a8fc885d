package ftp.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that registers an {@link FtpCommand}:
 * <pre>
 * &#64;Component(service = FtpCommand.class)
 * &#64;FtpCommandService(command = "XCRC", feature = "xcrc")
 * public final class XcrcCommand implements FtpCommand { … }
 * </pre>
 * Retained at runtime so that tests can register a command exactly as DS does.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FtpCommandService {

    /** Prefix of the generated service properties ({@code ftp.command}, {@code ftp.feature}, …). */
    String PREFIX_ = "ftp.";

    /** The verb and its aliases: {@link FtpCommand#COMMAND}. */
    String[] command();

    /** The feature key: {@link FtpCommand#FEATURE}; empty for commands that cannot be turned off. */
    String feature() default "";

    /** Whether the verb needs a logged-in user: {@link FtpCommand#LOGIN}. */
    boolean login() default true;

    /** Whether the verb is handled while a transfer runs: {@link FtpCommand#DURING_TRANSFER}. */
    boolean duringTransfer() default false;

    /** Whether the command reads or copies whole files: {@link FtpCommand#HEAVY}. */
    boolean heavy() default false;
}
