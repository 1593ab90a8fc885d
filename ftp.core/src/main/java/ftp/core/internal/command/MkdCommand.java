package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** MKD and XMKD (RFC 959 section 4.1.3). */
@Component(service = FtpCommand.class)
@FtpCommandService(command = { "MKD", "XMKD" })
public final class MkdCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.MKDIR);
        VirtualFile dir = session.files().resolve(request.requireArgument());
        try {
            session.files().createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ReplyException(550, dir.path() + ": already exists");
        } catch (NoSuchFileException e) {
            throw new ReplyException(550, dir.path() + ": parent directory does not exist");
        }
        session.reply(257, PwdCommand.quote(dir.path()) + " created");
    }

    @Override
    public String help() {
        return "MKD <sp> pathname";
    }
}
