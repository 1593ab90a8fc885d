package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** ACCT (RFC 959 section 4.1.1): accounts are not used here. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "ACCT", login = false)
public final class AcctCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reply(202, "ACCT not needed on this server");
    }

    @Override
    public String help() {
        return "ACCT <sp> account-information";
    }
}
