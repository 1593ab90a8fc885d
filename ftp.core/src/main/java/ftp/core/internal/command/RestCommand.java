package ftp.core.internal.command;

import java.util.List;

import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** REST in stream mode (RFC 3659 section 5): the offset of the next RETR, STOR or APPE. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "REST")
public final class RestCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String argument = request.requireArgument().trim();
        long offset;
        try {
            offset = Long.parseLong(argument);
        } catch (NumberFormatException e) {
            throw new ReplyException(501, "REST needs a byte offset, not '" + argument + "'");
        }
        if (offset < 0) {
            throw new ReplyException(501, "REST offset must not be negative");
        }
        session.set(CoreKeys.REST_OFFSET, offset);
        session.reply(350, "Restarting at " + offset + ". Send STOR, APPE or RETR");
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("REST STREAM");
    }

    @Override
    public String help() {
        return "REST <sp> offset";
    }
}
