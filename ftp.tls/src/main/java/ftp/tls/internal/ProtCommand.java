package ftp.tls.internal;

import java.util.List;
import java.util.Locale;

import ftp.core.api.DataProtection;
import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * PROT (RFC 4217 section 9): {@code C} (clear) or {@code P} (private) data connections; S and E
 * are not offered. Needs PBSZ first, as the RFC orders; implicit FTPS sessions start with P.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "PROT", login = false)
public final class ProtCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String level = request.requireArgument().trim().toUpperCase(Locale.ROOT);
        if (!session.protocol().isProtected() || session.get(PbszCommand.DONE).isEmpty()) {
            throw new ReplyException(503, "PROT needs AUTH TLS and PBSZ first");
        }
        switch (level) {
            case "C" -> {
                if (session.settings().tls().forceStartTls()) {
                    throw new ReplyException(534, "This site requires protected data connections (PROT P)");
                }
                session.set(DataProtection.KEY, DataProtection.CLEAR);
                session.reply(200, "Protection level set to C");
            }
            case "P" -> {
                session.set(DataProtection.KEY, DataProtection.PRIVATE);
                session.reply(200, "Protection level set to P");
            }
            case "S", "E" -> throw new ReplyException(536, "Protection level " + level + " not supported; use C or P");
            default -> throw new ReplyException(504, "Unknown protection level " + level);
        }
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("PROT");
    }

    @Override
    public String help() {
        return "PROT <sp> C | P";
    }
}
