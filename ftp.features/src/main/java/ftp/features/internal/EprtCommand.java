package ftp.features.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import ftp.core.api.Addresses;
import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * EPRT (RFC 2428 section 2): {@code EPRT |1|132.235.1.2|6275|} or {@code EPRT |2|::1|5282|}; the
 * first character is the delimiter. Same rules as PORT. Site toggle: {@code feature.port}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "EPRT", feature = "port")
public final class EprtCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.data().active(parse(request.requireArgument().trim()));
        session.reply(200, "EPRT command successful");
    }

    static InetSocketAddress parse(String argument) throws ReplyException {
        if (argument.length() < 7) {
            throw new ReplyException(501, "EPRT needs <d>protocol<d>address<d>port<d>");
        }
        String delimiter = argument.substring(0, 1);
        String[] fields = argument.split(Pattern.quote(delimiter), -1);
        if (fields.length != 5 || !fields[0].isEmpty() || !fields[4].isEmpty()) {
            throw new ReplyException(501, "EPRT needs <d>protocol<d>address<d>port<d>");
        }
        if (!"1".equals(fields[1]) && !"2".equals(fields[1])) {
            throw new ReplyException(522, "Network protocol not supported, use (1,2)");
        }
        InetAddress address;
        int port;
        try {
            address = Addresses.parseLiteral(fields[2]);
            port = Integer.parseInt(fields[3]);
        } catch (IllegalArgumentException e) {
            throw new ReplyException(501, "EPRT address or port is invalid");
        }
        boolean v4 = "1".equals(fields[1]);
        if (v4 ? !(address instanceof Inet4Address) : !(address instanceof Inet6Address)) {
            throw new ReplyException(501, "EPRT address does not match protocol " + fields[1]);
        }
        if (port < 1 || port > 65535) {
            throw new ReplyException(501, "EPRT port must be 1-65535");
        }
        return new InetSocketAddress(address, port);
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("EPRT");
    }

    @Override
    public String help() {
        return "EPRT <sp> |protocol|address|port|";
    }
}
