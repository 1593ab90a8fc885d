package ftp.core.internal.command;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** CWD and XCWD (RFC 959 section 4.1.1, RFC 775). */
@Component(service = FtpCommand.class)
@FtpCommandService(command = { "CWD", "XCWD" })
public final class CwdCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.files().changeDirectory(request.requireArgument());
        session.reply(250, "Directory changed to " + session.files().workingDirectory());
    }

    @Override
    public String help() {
        return "CWD <sp> pathname";
    }
}
