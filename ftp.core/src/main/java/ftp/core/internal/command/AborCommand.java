package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * ABOR (RFC 959 section 4.1.3): runs during a transfer; the transfer answers 426 first, then ABOR
 * answers 226. Without a transfer: 225.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "ABOR", duringTransfer = true)
public final class AborCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        if (session.data().abort()) {
            session.reply(226, "ABOR successful");
        } else {
            session.reply(225, "No transfer to abort");
        }
    }

    @Override
    public String help() {
        return "ABOR";
    }
}
