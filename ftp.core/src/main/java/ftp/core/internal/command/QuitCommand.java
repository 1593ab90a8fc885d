package ftp.core.internal.command;

import ftp.core.api.Reply;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * QUIT (RFC 959 section 4.1.1). Sent during a transfer it waits like other commands: "the
 * connection will remain open for result response and the server will then close it".
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "QUIT", login = false)
public final class QuitCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.close(Reply.of(221, session.settings().banners().logout()));
    }

    @Override
    public String help() {
        return "QUIT";
    }
}
