package ftp.example.xcrc.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ftp.core.api.FileSystemView;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;

/**
 * The argument of the checksum verbs (XCRC, XSHA256) resolved to a byte range of a regular file
 * the user may read. The forms follow GlobalSCAPE's XCRC:
 * <ul>
 * <li>{@code <path>}: the whole file; the rest of the line is the path, spaces included;</li>
 * <li>{@code "<path>"}: the whole file;</li>
 * <li>{@code "<path>" <end>}: bytes {@code [0, end)};</li>
 * <li>{@code "<path>" <start> <end>}: bytes {@code [start, end)}.</li>
 * </ul>
 * Offsets follow a quoted path only, so that an unquoted name such as {@code report 2024} never
 * loses its last word to an offset.
 *
 * @param files the user's view, which opens the file
 * @param file the resolved file
 * @param start the first byte
 * @param end the byte after the last one
 */
record FileRange(FileSystemView files, VirtualFile file, long start, long end) {

    private static final Pattern OFFSETS = Pattern.compile("(\\d{1,18})(?:\\s+(\\d{1,18}))?");
    private static final int BUFFER = 64 << 10;

    /**
     * Parses the request's argument and checks it against the session's user and files.
     *
     * @throws ReplyException {@code 501} without an argument or with malformed offsets;
     *         {@code 550} without the read permission, for a missing file, a directory, or offsets
     *         outside the file
     */
    static FileRange of(FtpRequest request, FtpSession session) throws IOException {
        String argument = request.requireArgument();
        String path = argument;
        Matcher offsets = null;
        if (argument.startsWith("\"")) {
            // The last quote closes the path, so that a name may itself contain quotes.
            int close = argument.lastIndexOf('"');
            if (close == 0) {
                throw new ReplyException(501, "Syntax error: the quoted path is not closed");
            }
            path = argument.substring(1, close);
            String rest = argument.substring(close + 1).trim();
            if (!rest.isEmpty()) {
                offsets = OFFSETS.matcher(rest);
                if (!offsets.matches()) {
                    throw new ReplyException(501, "Syntax error: " + request.verb() + " \"path\" [[start] end]");
                }
            }
        }
        session.require(Permission.READ);
        VirtualFile file = session.files().resolve(path);
        if (Files.isDirectory(file.file())) {
            throw new ReplyException(550, file.path() + ": not a regular file");
        }
        if (!Files.isRegularFile(file.file())) {
            throw new ReplyException(550, file.path() + ": No such file");
        }
        long size = Files.size(file.file());
        if (offsets == null) {
            return new FileRange(session.files(), file, 0, size);
        }
        // One offset is the end point, as in GlobalSCAPE's "XCRC <File Name>, <EP>".
        long start = offsets.group(2) == null ? 0 : Long.parseLong(offsets.group(1));
        long end = Long.parseLong(offsets.group(offsets.group(2) == null ? 1 : 2));
        if (start > end || end > size) {
            throw new ReplyException(550, "Range " + start + "-" + end + " is outside the " + size + " bytes of " + file.path());
        }
        return new FileRange(session.files(), file, start, end);
    }

    /**
     * Passes the range's bytes to {@code sink} in order, on the calling thread: commands already
     * run off the network threads, so blocking here holds up only this session.
     */
    void read(Consumer<ByteBuffer> sink) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel channel = files.open(file, java.util.Set.of(StandardOpenOption.READ))) {
            long position = start;
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER, end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    // Truncated since it was measured: a checksum of what was there would mislead.
                    throw new ReplyException(450, file.path() + ": changed while it was read");
                }
                position += read;
                sink.accept(buffer.flip());
            }
        }
    }
}
