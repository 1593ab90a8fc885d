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

/** RNFR (RFC 959 section 4.1.3): names the file RNTO renames; must be followed by RNTO at once. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "RNFR")
public final class RnfrCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.RENAME);
        VirtualFile source = session.files().resolve(request.requireArgument());
        if (source.isRoot() || !Files.exists(source.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw new ReplyException(550, source.path() + ": No such file or directory");
        }
        session.set(CoreKeys.RENAME_FROM, source);
        session.reply(350, "Ready for RNTO");
    }

    @Override
    public String help() {
        return "RNFR <sp> pathname";
    }
}
