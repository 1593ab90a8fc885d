package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** NOOP (RFC 959 section 4.1.3). */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "NOOP", login = false)
public final class NoopCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reply(200, "NOOP ok");
    }

    @Override
    public String help() {
        return "NOOP";
    }
}
