package ftp.core.internal.command;

import java.nio.file.Files;

import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;

/** Resolution of an argument that must name an existing regular file the user may read. */
final class RegularFiles {

    private RegularFiles() {
    }

    static VirtualFile readable(FtpSession session, String argument) throws ReplyException {
        session.require(Permission.READ);
        VirtualFile file = session.files().resolve(argument);
        if (Files.isDirectory(file.file())) {
            throw new ReplyException(550, file.path() + ": not a regular file");
        }
        if (!Files.isRegularFile(file.file())) {
            throw new ReplyException(550, file.path() + ": No such file");
        }
        return file;
    }
}
