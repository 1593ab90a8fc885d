package ftp.core.internal.command;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * SIZE (RFC 3659 section 4): the bytes a RETR would send in the current TYPE; in TYPE A that
 * counts the CR added before every bare LF.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "SIZE")
public final class SizeCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        VirtualFile file = RegularFiles.readable(session, request.requireArgument());
        long size = TransferType.of(session) == TransferType.BINARY ? Files.size(file.file()) : asciiSize(file);
        session.reply(213, Long.toString(size));
    }

    private static long asciiSize(VirtualFile file) throws IOException {
        long size = 0;
        int previous = -1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.file()), 64 << 10)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                size += b == '\n' && previous != '\r' ? 2 : 1;
                previous = b;
            }
        }
        return size;
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
