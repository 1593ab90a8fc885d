package ftp.core.internal.command;

import java.io.IOException;
import java.net.Inet6Address;
import java.util.List;
import java.util.Locale;

import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * EPSV (RFC 2428 section 3): {@code 229 Entering Extended Passive Mode (|||port|)}; {@code EPSV ALL}
 * restricts the session to EPSV from then on.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "EPSV")
public final class EpsvCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        String argument = request.argument().trim().toUpperCase(Locale.ROOT);
        if ("ALL".equals(argument)) {
            session.data().restrictToExtendedPassive();
            session.reply(200, "EPSV ALL ok; only EPSV from now on");
            return;
        }
        String own = session.localAddress().getAddress() instanceof Inet6Address ? "2" : "1";
        if (!argument.isEmpty() && !argument.equals(own)) {
            throw new ReplyException(522, "Network protocol not supported, use (" + own + ")");
        }
        int port = session.data().passive().getPort();
        session.reply(229, "Entering Extended Passive Mode (|||" + port + "|)");
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("EPSV");
    }

    @Override
    public String help() {
        return "EPSV [ <sp> 1 | 2 | ALL ]";
    }
}
