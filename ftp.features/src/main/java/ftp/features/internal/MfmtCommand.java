package ftp.features.internal;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * MFMT (draft-somers-ftp-mfxx section 3): {@code MFMT YYYYMMDDHHMMSS path} sets the modification
 * time (UTC) and answers {@code 213 Modify=YYYYMMDDHHMMSS; path}. Site toggle: {@code feature.mfmt}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "MFMT", feature = "mfmt")
public final class MfmtCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        String argument = request.requireArgument();
        int space = argument.indexOf(' ');
        if (space < 0 || space == argument.length() - 1) {
            throw new ReplyException(501, "MFMT needs YYYYMMDDHHMMSS and a path");
        }
        Instant time = TimeVal.parse(argument.substring(0, space));
        session.require(Permission.WRITE);
        VirtualFile file = session.files().existing(argument.substring(space + 1));
        session.files().setTimes(file, FileTime.from(time), null);
        session.reply(213, "Modify=" + TimeVal.format(time) + "; " + file.path());
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("MFMT");
    }

    @Override
    public String help() {
        return "MFMT <sp> YYYYMMDDHHMMSS <sp> pathname";
    }
}
