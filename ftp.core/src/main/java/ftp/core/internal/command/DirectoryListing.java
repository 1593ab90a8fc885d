package ftp.core.internal.command;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.stream.Stream;

import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.VirtualFile;
import ftp.core.api.ListedFile;
import ftp.core.api.LongListing;

/**
 * What LIST and NLST share: the argument (with {@code ls} options such as {@code -la} dropped,
 * as lftp and others send them) and the entries with their attributes
 * ({@link ftp.core.api.FileSystemView#listing}: the names read before the 150, the attributes
 * while the lines go out with {@link ftp.core.api.DataConnections#sendLines}).
 */
final class DirectoryListing {

    private DirectoryListing() {
    }

    /** Drops leading {@code -x} option words. */
    static String withoutOptions(String argument) {
        String rest = argument.strip();
        while (rest.startsWith("-")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        return rest;
    }

    /** The entries the argument names: a directory's children, or the file itself. */
    static Stream<ListedFile> entries(FtpSession session, String argument) throws IOException {
        session.require(Permission.LIST);
        String path = withoutOptions(argument);
        VirtualFile target = session.files().existing(path.isEmpty() ? "." : path);
        BasicFileAttributes attributes = LongListing.attributes(target.file());
        if (!attributes.isDirectory()) {
            int slash = target.path().lastIndexOf('/');
            VirtualFile parent = new VirtualFile(slash == 0 ? "/" : target.path().substring(0, slash), target.file().getParent());
            return Stream.of(new ListedFile(parent, target.name(), attributes));
        }
        return session.files().listing(target);
    }

    /** The {@code ls -l} line of an entry. */
    static String longLine(ListedFile entry, Instant now) {
        return LongListing.line(entry.attributes(), entry.name(), now);
    }
}
