package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;

import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** RMD and XRMD (RFC 959 section 4.1.3): removes an empty directory; never the home. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = { "RMD", "XRMD" })
public final class RmdCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.RMDIR);
        VirtualFile dir = session.files().resolve(request.requireArgument());
        if (dir.isRoot()) {
            throw new ReplyException(550, "The home directory cannot be removed");
        }
        if (!Files.isDirectory(dir.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw new ReplyException(550, dir.path() + ": No such directory");
        }
        try {
            session.files().deleteDirectory(dir);
        } catch (DirectoryNotEmptyException e) {
            throw new ReplyException(550, dir.path() + ": Directory not empty");
        }
        session.reply(250, dir.path() + ": directory removed");
    }

    @Override
    public String help() {
        return "RMD <sp> pathname";
    }
}
