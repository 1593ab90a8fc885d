package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;

import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * RNTO (RFC 959 section 4.1.3). An existing file at the target is replaced, atomically where the
 * file system can (clients that upload to a temporary name and rename rely on that), but only for
 * a user who may delete it: replacing a file destroys it as DELE would.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "RNTO")
public final class RntoCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.RENAME);
        VirtualFile source = session.get(CoreKeys.RENAME_FROM)
                .orElseThrow(() -> new ReplyException(503, "RNFR required first"));
        VirtualFile target = session.files().resolve(request.requireArgument());
        if (target.isRoot() || target.path().startsWith(source.path() + "/")) {
            throw new ReplyException(553, target.path() + ": not a valid target");
        }
        boolean mayReplace = session.user().map(user -> user.can(Permission.DELETE)).orElse(false);
        try {
            session.files().rename(source, target, mayReplace);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ReplyException(550, target.path() + ": exists, and replacing it needs the delete permission");
        } catch (NoSuchFileException e) {
            throw new ReplyException(550, "No such file or directory");
        } catch (DirectoryNotEmptyException e) {
            throw new ReplyException(550, target.path() + ": a directory that is not empty is in the way");
        }
        session.set(CoreKeys.RENAME_FROM, null);
        session.reply(250, "Renamed " + source.path() + " to " + target.path());
    }

    @Override
    public String help() {
        return "RNTO <sp> pathname";
    }
}
