package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** REIN (RFC 959 section 4.1.1): forgets the user and every session setting, keeps the connection. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "REIN", login = false)
public final class ReinCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reinitialize();
        session.reply(220, "Service ready for new user");
    }

    @Override
    public String help() {
        return "REIN";
    }
}
