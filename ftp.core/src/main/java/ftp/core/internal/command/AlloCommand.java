package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** ALLO (RFC 959 section 4.1.3): storage needs no reservation here. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "ALLO")
public final class AlloCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reply(202, "ALLO not needed on this server");
    }

    @Override
    public String help() {
        return "ALLO <sp> decimal-integer";
    }
}
