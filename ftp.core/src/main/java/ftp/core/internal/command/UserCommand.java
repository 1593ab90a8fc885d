package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** USER (RFC 959 section 4.1.1): starts a login; a logged-in user is logged out. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "USER", login = false)
public final class UserCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String name = request.requireArgument().trim();
        session.beginLogin(name);
        session.reply(331, "Password required for " + name);
    }

    @Override
    public String help() {
        return "USER <sp> username";
    }
}
