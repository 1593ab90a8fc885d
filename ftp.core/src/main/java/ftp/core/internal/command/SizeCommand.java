package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.TransferType;

/**
 * SIZE (RFC 3659 section 4): the bytes a RETR would send in the current TYPE. In TYPE I that is the
 * file's size; in TYPE A it would mean reading the whole file (every bare LF gains a CR), an
 * unbounded cost per request, so SIZE is refused there with 550, as pyftpdlib and ftpserverlib do.
 * Clients send TYPE I before SIZE.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "SIZE")
public final class SizeCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        VirtualFile file = RegularFiles.readable(session, request.requireArgument());
        if (TransferType.of(session) != TransferType.BINARY) {
            session.reply(550, "SIZE is not available in ASCII mode; send TYPE I first");
            return;
        }
        session.reply(213, Long.toString(Files.size(file.file())));
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("SIZE");
    }

    @Override
    public String help() {
        return "SIZE <sp> pathname";
    }
}
