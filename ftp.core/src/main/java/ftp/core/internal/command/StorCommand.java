package ftp.core.internal.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import ftp.core.api.AtomicWrite;
import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.DataConnections.Direction;
import ftp.core.api.FtpSession;
import ftp.core.api.TransferType;

/**
 * STOR (RFC 959 section 4.1.3). A new upload is written beside the target and moved over it only
 * when complete, so an interrupted STOR leaves the previous file intact. After REST the client
 * resumes a partial file: the bytes before the offset are kept and the file ends where the
 * upload ends.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "STOR")
public final class StorCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.WRITE);
        VirtualFile target = session.files().resolve(request.requireArgument());
        Uploads.checkTarget(target);
        long offset = session.get(CoreKeys.REST_OFFSET).orElse(0L);
        if (offset > 0 && (!Files.isRegularFile(target.file()) || Files.size(target.file()) < offset)) {
            throw new ReplyException(554, "REST offset " + offset + " is beyond the end of " + target.path());
        }
        String opening = "Opening " + TransferType.of(session).label() + " mode data connection for " + target.path();
        session.data().transfer(opening, Direction.UPLOAD, channel -> {
            if (offset > 0) {
                try (FileChannel file = session.files().open(target, Set.of(StandardOpenOption.WRITE))) {
                    long end = offset + Uploads.receive(session, channel, file, offset);
                    file.truncate(end);
                }
            } else {
                try (AtomicWrite upload = session.files().replace(target)) {
                    Uploads.receive(session, channel, upload.channel(), 0);
                    Uploads.commit(session, target, upload);
                }
            }
            return Reply.of(226, "Transfer complete");
        });
    }

    @Override
    public String help() {
        return "STOR <sp> pathname";
    }
}
