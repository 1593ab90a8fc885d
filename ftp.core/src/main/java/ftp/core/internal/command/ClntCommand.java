package ftp.core.internal.command;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** CLNT: the client names itself; the name goes to the log, where an operator tracing a session looks. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "CLNT", login = false)
public final class ClntCommand implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ClntCommand.class);

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        LOG.info("Site {}: client {} is {}", session.settings().name(), session.remoteAddress(),
                request.requireArgument().trim());
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
