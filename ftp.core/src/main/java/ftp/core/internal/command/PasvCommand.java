package ftp.core.internal.command;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * PASV (RFC 959 section 4.1.2): {@code 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)}. The
 * address follows the site's passive addressing rules (DESIGN section 6); PASV has no IPv6 form.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "PASV")
public final class PasvCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        if (session.data().extendedPassiveOnly()) {
            throw new ReplyException(501, "Only EPSV is allowed after EPSV ALL");
        }
        if (!(session.localAddress().getAddress() instanceof Inet4Address)) {
            throw new ReplyException(522, "PASV works over IPv4 only; use EPSV");
        }
        InetSocketAddress address = session.data().passive();
        if (!(address.getAddress() instanceof Inet4Address)) {
            throw new ReplyException(425, "The passive address is not IPv4; use EPSV");
        }
        int port = address.getPort();
        session.reply(227, "Entering Passive Mode (" + address.getAddress().getHostAddress().replace('.', ',') + ","
                + (port >> 8) + "," + (port & 0xff) + ")");
    }

    @Override
    public String help() {
        return "PASV";
    }
}
