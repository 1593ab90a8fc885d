package ftp.core.internal.command;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** CDUP and XCUP (RFC 959 section 4.1.1): the parent of the working directory; the home has none above it. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = { "CDUP", "XCUP" })
public final class CdupCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.files().changeDirectory("..");
        session.reply(200, "Directory changed to " + session.files().workingDirectory());
    }

    @Override
    public String help() {
        return "CDUP";
    }
}
