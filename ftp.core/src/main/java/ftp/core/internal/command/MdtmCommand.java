package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** MDTM (RFC 3659 section 3): the modification time in UTC, {@code YYYYMMDDHHMMSS}. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "MDTM")
public final class MdtmCommand implements FtpCommand {

    static final DateTimeFormatter TIME_VAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        VirtualFile file = RegularFiles.readable(session, request.requireArgument());
        session.reply(213, TIME_VAL.format(Files.getLastModifiedTime(file.file()).toInstant()));
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("MDTM");
    }

    @Override
    public String help() {
        return "MDTM <sp> pathname";
    }
}
