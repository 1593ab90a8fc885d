package ftp.core.internal.command;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.ReplyException;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * USER (RFC 959 section 4.1.1): starts a login; a logged-in user is logged out. With
 * {@code tls.forceStartTls} a plain session is told to run AUTH TLS first (RFC 4217 section 11,
 * whatever the user's protocol allowance).
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "USER", login = false)
public final class UserCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String name = request.requireArgument().trim();
        if (StartTls.required(session)) {
            throw new ReplyException(530, "This site requires TLS: send AUTH TLS before logging in");
        }
        session.beginLogin(name);
        session.reply(331, "Password required for " + name);
    }

    @Override
    public String help() {
        return "USER <sp> username";
    }
}
