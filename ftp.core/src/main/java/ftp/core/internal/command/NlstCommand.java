package ftp.core.internal.command;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.ListedFile;

/** NLST (RFC 959 section 4.1.3): names only, one per line. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "NLST")
public final class NlstCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.data().sendLines("Opening ASCII mode data connection for name list",
                DirectoryListing.entries(session, request.argument()), ListedFile::name);
    }

    @Override
    public String help() {
        return "NLST [ <sp> pathname ]";
    }
}
