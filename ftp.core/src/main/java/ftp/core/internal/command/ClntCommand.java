package ftp.core.internal.command;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** CLNT: the client names itself; kept for the log and the session list. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "CLNT", login = false)
public final class ClntCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        session.set(CoreKeys.CLIENT, request.requireArgument().trim());
        session.reply(200, "Noted");
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("CLNT");
    }

    @Override
    public String help() {
        return "CLNT <sp> client-name";
    }
}
