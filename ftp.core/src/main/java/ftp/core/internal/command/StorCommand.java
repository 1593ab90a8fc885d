package ftp.core.internal.command;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

import ftp.core.api.AtomicWrite;
import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.api.TransferRange;
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
 * upload ends. After RANG only that range of the file is written (see {@link #storeRange}).
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "STOR")
public final class StorCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.WRITE);
        VirtualFile target = session.files().resolve(request.requireArgument());
        Uploads.checkTarget(target);
        Optional<TransferRange> range = Ranges.of(session);
        if (range.isPresent()) {
            storeRange(session, target, range.get());
            return;
        }
        long offset = session.get(CoreKeys.REST_OFFSET).orElse(0L);
        if (offset > 0 && (!Files.isRegularFile(target.file()) || Files.size(target.file()) < offset)) {
            throw new ReplyException(554, "REST offset " + offset + " is beyond the end of " + target.path());
        }
        session.data().transfer(opening(session, target), Direction.UPLOAD, target, channel -> {
            if (offset > 0) {
                try (FileChannel file = session.files().open(target, Set.of(StandardOpenOption.WRITE))) {
                    long end = offset + Uploads.receive(session, channel, file, offset);
                    file.truncate(end);
                    Uploads.finish(session, file);
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

    /**
     * STOR after RANG (draft-bryan-ftp-range-08 section 4.3): the octets go into the range and
     * nowhere else; the file is never truncated and grows to {@code end + 1} octets when it was
     * shorter. A range may start at most at the end of the file ({@code 554} otherwise). A new
     * file (range from 0) is written beside its name and appears only when the range is complete;
     * an existing one is written in place, like a REST resume. The client must send exactly the
     * range: fewer or more octets end with {@code 426} (more are not written).
     */
    private static void storeRange(FtpSession session, VirtualFile target, TransferRange range) throws IOException {
        boolean exists = Files.isRegularFile(target.file());
        long size = exists ? Files.size(target.file()) : 0;
        if (range.start() > size) {
            throw new ReplyException(554, "RANG start " + range.start() + " is beyond the end of " + target.path() + " ("
                    + size + " bytes)");
        }
        session.data().transfer(opening(session, target) + " (octets " + range.start() + "-" + range.end() + ")",
                Direction.UPLOAD, target, channel -> {
                    if (exists) {
                        try (FileChannel file = session.files().open(target, Set.of(StandardOpenOption.WRITE))) {
                            Uploads.receiveRange(channel, file, range);
                            Uploads.finish(session, file);
                        }
                    } else {
                        try (AtomicWrite upload = session.files().replace(target)) {
                            Uploads.receiveRange(channel, upload.channel(), range);
                            Uploads.commit(session, target, upload);
                        }
                    }
                    return Reply.of(226, "Transfer complete; octets " + range.start() + "-" + range.end() + " stored");
                });
    }

    private static String opening(FtpSession session, VirtualFile target) {
        return "Opening " + TransferType.of(session).label() + " mode data connection for " + target.path();
    }

    @Override
    public String help() {
        return "STOR <sp> pathname";
    }
}
