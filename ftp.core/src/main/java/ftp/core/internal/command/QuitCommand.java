package ftp.core.internal.command;

import ftp.core.api.Reply;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** QUIT (RFC 959 section 4.1.1): ends the session, also during a transfer (which is aborted). */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "QUIT", login = false, duringTransfer = true)
public final class QuitCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.data().abort();
        session.close(Reply.of(221, session.settings().banners().logout()));
    }

    @Override
    public String help() {
        return "QUIT";
    }
}
