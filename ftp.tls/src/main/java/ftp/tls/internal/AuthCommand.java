package ftp.tls.internal;

import java.util.List;
import java.util.Locale;

import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * AUTH (RFC 4217 section 4): {@code AUTH TLS} (and the older {@code AUTH SSL}) answers 234 in the
 * clear and starts the TLS handshake on the control connection. Always offered: a site never
 * serves plain FTP without an upgrade path.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "AUTH", login = false)
public final class AuthCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String mechanism = request.requireArgument().trim().toUpperCase(Locale.ROOT);
        if (!List.of("TLS", "SSL", "TLS-C").contains(mechanism)) {
            throw new ReplyException(504, "AUTH " + mechanism + " not supported; use AUTH TLS");
        }
        if (session.protocol().isProtected()) {
            throw new ReplyException(503, "The control connection is already protected");
        }
        session.secureControl(Reply.of(234, "AUTH " + mechanism + " successful"));
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("AUTH TLS");
    }

    @Override
    public String help() {
        return "AUTH <sp> TLS";
    }
}
