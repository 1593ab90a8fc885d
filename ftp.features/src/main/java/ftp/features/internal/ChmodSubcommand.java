package ftp.features.internal;

import java.io.IOException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.SiteSubcommand;
import ftp.core.api.SiteSubcommandService;
import ftp.core.api.VirtualFile;

/**
 * {@code SITE CHMOD <octal mode> <path>}: sets POSIX permissions (0000-0777; no setuid, setgid
 * or sticky bits). On a file system without POSIX permissions it answers 504.
 */
@Component(service = SiteSubcommand.class)
@SiteSubcommandService(command = "CHMOD")
public final class ChmodSubcommand implements SiteSubcommand {

    @Override
    public void execute(String argument, FtpSession session) throws IOException {
        String trimmed = argument.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).matches("0?[0-7]{3}")) {
            throw new ReplyException(501, "SITE CHMOD needs an octal mode (000-777) and a path");
        }
        int mode = Integer.parseInt(trimmed.substring(0, space), 8);
        session.require(Permission.WRITE);
        VirtualFile file = session.files().existing(trimmed.substring(space + 1));
        if (file.isRoot()) {
            // the user's home, and the site root when the home is the root: 000 locks everyone out
            throw new ReplyException(550, "The mode of the home directory cannot be changed");
        }
        if (!file.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new ReplyException(504, "SITE CHMOD is not supported on this server's file system");
        }
        session.files().setPermissions(file, permissions(mode));
        session.reply(200, "SITE CHMOD command successful");
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    @Override
    public String help() {
        return "CHMOD <sp> mode <sp> pathname";
    }
}
