package ftp.tls.internal;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * CCC (RFC 4217 section 6): refused. Going back to a clear control connection would expose every
 * later command, and the site's policy forbids it.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "CCC", login = false)
public final class CccCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reply(534, "CCC refused: the control connection stays protected");
    }

    @Override
    public String help() {
        return "CCC";
    }
}
