package ftp.core.internal.command;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** MODE (RFC 959 section 4.1.2): only Stream mode. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "MODE")
public final class ModeCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        switch (request.requireArgument().trim().toUpperCase(Locale.ROOT)) {
            case "S" -> session.reply(200, "Mode set to S");
            case "B", "C", "Z" -> session.reply(504, "Only stream mode (S) is supported");
            default -> session.reply(501, "Unknown mode " + request.argument());
        }
    }

    @Override
    public String help() {
        return "MODE <sp> S";
    }
}
