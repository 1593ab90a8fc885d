package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;

import ftp.core.api.DataChannel;
import ftp.core.api.DataTransfer;
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

/**
 * STOU (RFC 959 section 4.1.3, reply text as RFC 1123 section 4.1.2.9: {@code 150 FILE: name}):
 * stores under a name no file has. An optional argument is the preferred name; {@code .1},
 * {@code .2}… are added until the name is free.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "STOU")
public final class StouCommand implements FtpCommand {

    private static final int MAX_ATTEMPTS = 1000;

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.WRITE);
        String wanted = request.hasArgument() ? request.argument() : "upload";
        VirtualFile base = session.files().resolve(wanted);
        Ranges.refuse(session, "STOU");
        Uploads.checkTarget(base);
        VirtualFile target = reserve(session, base);
        session.data().transfer("FILE: " + target.name(), Direction.UPLOAD, target, new DataTransfer() {
            @Override
            public Reply run(DataChannel channel) throws IOException {
                boolean complete = false;
                try (AtomicWrite upload = session.files().replace(target)) {
                    Uploads.receive(session, channel, upload.channel(), 0);
                    Uploads.commit(session, target, upload);
                    complete = true;
                } finally {
                    if (!complete) {
                        abandoned();
                    }
                }
                return Reply.of(226, "Transfer complete; stored as " + target.name());
            }

            @Override
            public void abandoned() {
                try {
                    Files.deleteIfExists(target.file());
                } catch (IOException e) {
                    // an empty reserved file stays behind; nothing else is lost
                }
            }
        });
    }

    /** Claims a free name by creating it, so that two STOU never pick the same one. */
    private static VirtualFile reserve(FtpSession session, VirtualFile base) throws IOException {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            VirtualFile candidate = i == 0 ? base : session.files().resolve(base.path() + "." + i);
            try {
                Files.createFile(candidate.file());
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
        throw new ReplyException(553, "No unique name found for " + base.path());
    }

    @Override
    public String help() {
        return "STOU [ <sp> pathname ]";
    }
}
