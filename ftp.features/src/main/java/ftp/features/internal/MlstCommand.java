package ftp.features.internal;

import java.io.IOException;
import java.util.List;

import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * MLST (RFC 3659 section 7): the facts of one file or directory over the control connection,
 * {@code 250-Listing <path>}, one entry line starting with a space, {@code 250 End}. Also
 * handles {@code OPTS MLST} (section 7.9) and announces the facts in FEAT.
 * Site toggle: {@code feature.mlst}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "MLST", feature = "mlst")
public final class MlstCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.LIST);
        VirtualFile file = session.files().existing(request.hasArgument() ? request.argument() : ".");
        session.reply(Reply.block(250, "Listing " + file.path(), List.of(Facts.line(session, file, null, file.path())), "End"));
    }

    @Override
    public void options(String options, FtpSession session) {
        Facts.Selection selection = new Facts.Selection(Facts.select(options));
        session.set(Facts.SELECTED, selection);
        session.reply(200, "MLST OPTS " + selection.facts().stream().map(f -> f + ";").reduce("", String::concat));
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of(Facts.featLine(session));
    }

    @Override
    public String help() {
        return "MLST [ <sp> pathname ]";
    }
}
