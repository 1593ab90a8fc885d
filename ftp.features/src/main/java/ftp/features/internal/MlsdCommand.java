package ftp.features.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

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
 * MLSD (RFC 3659 section 7): a directory's entries as fact lines over the data connection,
 * starting with the directory itself ({@code type=cdir}, name {@code .}) and its parent
 * ({@code type=pdir}, name {@code ..}) below the home. The FEAT line {@code MLST …} comes from
 * MLST alone: it names MLST, so it must vanish when MLST is off. Site toggle: {@code feature.mlsd}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "MLSD", feature = "mlsd")
public final class MlsdCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        session.require(Permission.LIST);
        VirtualFile dir = session.files().resolve(request.hasArgument() ? request.argument() : ".");
        if (!Files.exists(dir.file())) {
            throw new ReplyException(550, dir.path() + ": No such directory");
        }
        if (!Files.isDirectory(dir.file())) {
            throw new ReplyException(501, dir.path() + ": not a directory (use MLST)");
        }
        StringBuilder lines = new StringBuilder();
        lines.append(Facts.line(session, dir, "cdir", ".")).append("\r\n");
        if (!dir.isRoot()) {
            lines.append(Facts.line(session, session.files().resolve(dir.path() + "/.."), "pdir", "..")).append("\r\n");
        }
        for (VirtualFile entry : session.files().entries(dir)) {
            try {
                lines.append(Facts.line(session, entry, null, entry.name())).append("\r\n");
            } catch (IOException vanished) {
                // deleted while listing: not shown
            }
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        session.data().transfer("Opening ASCII mode data connection for MLSD " + dir.path(), Direction.DOWNLOAD, channel -> {
            OutputStream out = channel.output();
            out.write(bytes);
            out.flush();
            return Reply.of(226, "Transfer complete");
        });
    }

    @Override
    public String help() {
        return "MLSD [ <sp> pathname ]";
    }
}
