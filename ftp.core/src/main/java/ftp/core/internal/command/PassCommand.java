package ftp.core.internal.command;

import ftp.core.api.Reply;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * PASS (RFC 959 section 4.1.1): completes the login. Unknown users, wrong passwords and accounts
 * whose protocol allowance excludes this session get the same reply; a banned address loses its
 * connection. The password is checked on the site's login pool (see {@link FtpSession#login(char[],
 * java.util.function.Consumer)}).
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "PASS", login = false)
public final class PassCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        if (StartTls.required(session)) {
            session.reply(530, "This site requires TLS: send AUTH TLS before logging in");
            return;
        }
        if (session.user().isPresent()) {
            session.reply(230, "Already logged in");
            return;
        }
        session.login(request.argument().toCharArray(), outcome -> {
            switch (outcome) {
                case SUCCESS -> session.reply(230, session.settings().banners().login());
                case NO_USER -> session.reply(503, "Login with USER first");
                case BANNED -> session.close(Reply.of(421, "Too many failed logins; closing control connection"));
                case REJECTED, PROTOCOL_NOT_ALLOWED -> session.reply(530, session.settings().banners().loginFailure());
            }
        });
    }

    @Override
    public String help() {
        return "PASS <sp> password";
    }
}
