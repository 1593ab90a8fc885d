package ftp.features.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ftp.core.api.Permission;
import ftp.core.api.LongListing;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
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
        List<Row> own = new ArrayList<>();
        own.add(new Row("cdir", ".", LongListing.attributes(dir.file())));
        if (!dir.isRoot()) {
            own.add(new Row("pdir", "..", LongListing.attributes(session.files().resolve(dir.path() + "/..").file())));
        }
        Facts.View view = Facts.View.of(session);
        Stream<Row> rows = Stream.concat(own.stream(),
                session.files().listing(dir).map(entry -> new Row(null, entry.name(), entry.attributes())));
        session.data().sendLines("Opening ASCII mode data connection for MLSD " + dir.path(), rows,
                row -> Facts.line(view, row.attributes(), row.type(), row.name()));
    }

    /** One line to send: {@code type} null for an entry (file or dir from its attributes). */
    private record Row(String type, String name, BasicFileAttributes attributes) {
    }

    @Override
    public String help() {
        return "MLSD [ <sp> pathname ]";
    }
}
