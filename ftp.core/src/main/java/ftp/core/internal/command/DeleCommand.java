package ftp.core.internal.command;

import java.io.IOException;
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

/** DELE (RFC 959 section 4.1.3): removes a file (a symbolic link itself, never its target). */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "DELE")
public final class DeleCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.DELETE);
        VirtualFile file = session.files().resolve(request.requireArgument());
        if (Files.isDirectory(file.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw new ReplyException(550, file.path() + ": is a directory (use RMD)");
        }
        if (!session.files().delete(file)) {
            throw new ReplyException(550, file.path() + ": No such file");
        }
        session.reply(250, file.path() + ": deleted");
    }

    @Override
    public String help() {
        return "DELE <sp> pathname";
    }
}
