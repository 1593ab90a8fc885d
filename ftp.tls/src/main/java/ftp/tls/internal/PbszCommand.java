package ftp.tls.internal;

import java.util.List;

import ftp.core.api.ReplyException;
import ftp.core.api.SessionKey;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** PBSZ (RFC 4217 section 8): only {@code 0} makes sense for TLS; it must follow AUTH. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "PBSZ", login = false)
public final class PbszCommand implements FtpCommand {

    /** Set once PBSZ was accepted; PROT needs it. REIN clears it. */
    static final SessionKey<Boolean> DONE = SessionKey.of("pbsz", Boolean.class);

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String size = request.requireArgument().trim();
        if (!size.matches("\\d{1,10}")) {
            throw new ReplyException(501, "PBSZ needs a decimal buffer size (0 for TLS)");
        }
        if (!session.protocol().isProtected()) {
            throw new ReplyException(503, "PBSZ needs a protected control connection: send AUTH TLS first");
        }
        session.set(DONE, Boolean.TRUE);
        session.reply(200, "PBSZ=0");
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("PBSZ");
    }

    @Override
    public String help() {
        return "PBSZ <sp> 0";
    }
}
