package ftp.core.internal.command;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** STRU (RFC 959 section 4.1.2): only File structure. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "STRU")
public final class StruCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        switch (request.requireArgument().trim().toUpperCase(Locale.ROOT)) {
            case "F" -> session.reply(200, "Structure set to F");
            case "R", "P" -> session.reply(504, "Only file structure (F) is supported");
            default -> session.reply(501, "Unknown structure " + request.argument());
        }
    }

    @Override
    public String help() {
        return "STRU <sp> F";
    }
}
