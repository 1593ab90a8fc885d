package ftp.core.internal.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.DataConnections.Direction;
import ftp.core.api.FtpSession;
import ftp.core.api.TransferType;

/** APPE (RFC 959 section 4.1.3): appends to a file, creating it when missing. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "APPE")
public final class AppeCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.APPEND);
        VirtualFile target = session.files().resolve(request.requireArgument());
        Ranges.refuse(session, "APPE");
        Uploads.checkTarget(target);
        String opening = "Opening " + TransferType.of(session).label() + " mode data connection for " + target.path();
        session.data().transfer(opening, Direction.UPLOAD, target, channel -> {
            try (FileChannel file = session.files().open(target, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
                Uploads.receive(session, channel, file, file.size());
                Uploads.finish(session, file);
            }
            return Reply.of(226, "Transfer complete");
        });
    }

    @Override
    public String help() {
        return "APPE <sp> pathname";
    }
}
