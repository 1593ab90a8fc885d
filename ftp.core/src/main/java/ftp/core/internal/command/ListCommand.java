package ftp.core.internal.command;

import java.io.IOException;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** LIST (RFC 959 section 4.1.3) in the {@code ls -l} format clients parse. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "LIST")
public final class ListCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        Instant now = Instant.now();
        session.data().sendLines("Opening ASCII mode data connection for file list",
                DirectoryListing.entries(session, request.argument()), entry -> DirectoryListing.longLine(entry, now));
    }

    @Override
    public String help() {
        return "LIST [ <sp> pathname ]";
    }
}
