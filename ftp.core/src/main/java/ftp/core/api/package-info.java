/**
 * The SPI of the FTP server: what a command bundle, a user store or an operator tool needs.
 *
 * <p>A command is an {@link ftp.core.api.FtpCommand} service registered with the
 * {@link ftp.core.api.FtpCommandService} component property type. Nothing here mentions
 * MINA or an internal package of the core.
 */
@Export
@Version("1.4.0")
package ftp.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
