package ftp.core.internal.command;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.api.TransferRange;
import ftp.core.api.VirtualFile;
import ftp.core.internal.data.AsciiOutputStream;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.DataConnections.Direction;
import ftp.core.api.FtpSession;
import ftp.core.api.TransferType;

/**
 * RETR (RFC 959 section 4.1.3), from the REST offset if one was given, or only the octets of the
 * RANG range (draft-bryan-ftp-range-08 section 4.3: a range that starts beyond the end sends no
 * octet, one that ends beyond it stops at the end). TYPE I goes from the file to the socket
 * without passing through the heap; TYPE A converts line ends to CRLF.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "RETR")
public final class RetrCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        VirtualFile file = RegularFiles.readable(session, request.requireArgument());
        Optional<TransferRange> range = Ranges.of(session);
        long size = Files.size(file.file());
        long offset = range.map(TransferRange::start).orElse(session.get(CoreKeys.REST_OFFSET).orElse(0L));
        if (range.isEmpty() && offset > size) {
            throw new ReplyException(554, "REST offset " + offset + " is beyond the end of the file (" + size + " bytes)");
        }
        long count = range.map(r -> r.lengthWithin(size)).orElse(Long.MAX_VALUE);
        TransferType type = TransferType.of(session);
        String what = range.map(r -> count + " bytes from offset " + r.start() + " of " + size).orElse(size + " bytes");
        session.data().transfer("Opening " + type.label() + " mode data connection for " + file.path() + " (" + what
                + ")", Direction.DOWNLOAD, file, channel -> {
                    try (FileChannel in = session.files().open(file, Set.of(StandardOpenOption.READ))) {
                        if (type == TransferType.BINARY) {
                            channel.send(in, offset, count);
                        } else {
                            OutputStream out = new AsciiOutputStream(new BufferedOutputStream(channel.output(), 64 << 10));
                            InputStream source = Channels.newInputStream(in.position(offset));
                            source.transferTo(out);
                            out.flush();
                        }
                    }
                    return Reply.of(226, "Transfer complete");
                });
    }

    @Override
    public String help() {
        return "RETR <sp> pathname";
    }
}
