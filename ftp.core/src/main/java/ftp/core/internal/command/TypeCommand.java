package ftp.core.internal.command;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.TransferType;

/** TYPE (RFC 959 section 4.1.2): A (with the optional N format) and I; L 8 is I. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "TYPE")
public final class TypeCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String type = request.requireArgument().trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (type) {
            case "A", "A N" -> set(session, TransferType.ASCII, "A");
            case "I", "L 8" -> set(session, TransferType.BINARY, "I");
            case "E", "E N", "A T", "A C", "E T", "E C" -> session.reply(504, "Type " + type + " not implemented");
            default -> session.reply(501, "Unknown type " + type);
        }
    }

    private static void set(FtpSession session, TransferType type, String code) {
        session.set(TransferType.KEY, type);
        session.reply(200, "Type set to " + code);
    }

    @Override
    public String help() {
        return "TYPE <sp> A | I";
    }
}
