package ftp.features.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * PORT (RFC 959 section 4.1.2): {@code PORT h1,h2,h3,h4,p1,p2}. The core refuses other hosts and
 * ports below 1024, applies {@code port.useControlIp}, and connects only when the transfer
 * command comes. Site toggle: {@code feature.port}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "PORT", feature = "port")
public final class PortCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.data().active(parse(request.requireArgument()));
        session.reply(200, "PORT command successful");
    }

    static InetSocketAddress parse(String argument) throws ReplyException {
        String[] parts = argument.trim().split(",");
        if (parts.length != 6) {
            throw new ReplyException(501, "PORT needs h1,h2,h3,h4,p1,p2");
        }
        byte[] address = new byte[4];
        int[] numbers = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ReplyException(501, "PORT needs six numbers, not '" + parts[i].trim() + "'");
            }
            if (numbers[i] < 0 || numbers[i] > 255) {
                throw new ReplyException(501, "PORT numbers are 0-255, not " + numbers[i]);
            }
            if (i < 4) {
                address[i] = (byte) numbers[i];
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), numbers[4] * 256 + numbers[5]);
        } catch (UnknownHostException e) {
            throw new ReplyException(501, "PORT address is invalid");
        }
    }

    @Override
    public String help() {
        return "PORT <sp> h1,h2,h3,h4,p1,p2";
    }
}
