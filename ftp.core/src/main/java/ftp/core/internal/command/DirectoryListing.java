package ftp.core.internal.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import ftp.core.api.DataConnections;
import ftp.core.api.DataConnections.Direction;
import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.VirtualFile;
import ftp.core.api.LongListing;

/**
 * What LIST and NLST share: the argument (with {@code ls} options such as {@code -la} dropped,
 * as lftp and others send them), the entries ({@link ftp.core.api.FileSystemView#entries}), and
 * sending the lines over the data connection.
 */
final class DirectoryListing {

    /** One entry of a listing. */
    record Entry(String name, VirtualFile file) {
    }

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
    static List<Entry> entries(FtpSession session, String argument) throws IOException {
        session.require(Permission.LIST);
        String path = withoutOptions(argument);
        VirtualFile target = session.files().existing(path.isEmpty() ? "." : path);
        if (!Files.isDirectory(target.file())) {
            return List.of(new Entry(target.name(), target));
        }
        return session.files().entries(target).stream().map(file -> new Entry(file.name(), file)).toList();
    }

    /** Formats the entries first (so errors come before 150), then sends them as CRLF lines. */
    static void send(DataConnections data, List<Entry> entries, Function<Entry, String> format, String opening) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            String line = format.apply(entry);
            if (line != null) {
                text.append(line).append("\r\n");
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        data.transfer(opening, Direction.DOWNLOAD, channel -> {
            OutputStream out = channel.output();
            out.write(bytes);
            out.flush();
            return Reply.of(226, "Transfer complete");
        });
    }

    /** The {@code ls -l} line of an entry; null when it vanished meanwhile. */
    static String longLine(Entry entry, Instant now) {
        try {
            return LongListing.line(entry.file().file(), entry.name(), now);
        } catch (IOException gone) {
            return null;
        }
    }
}
