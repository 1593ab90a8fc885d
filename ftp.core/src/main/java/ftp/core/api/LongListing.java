package ftp.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;

/**
 * The {@code ls -l} line that FileZilla, curl, lftp and Python ftplib parse:
 * {@code -rw-r--r--    1 ftp      ftp          1234 Nov 25 00:44 name}. Times are UTC, like MDTM;
 * entries older than six months (or in the future) show the year instead of the time, as ls does.
 * Owner and group are always {@code ftp}: local account names are not the client's business.
 */
public final class LongListing {

    private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec" };
    private static final Duration SIX_MONTHS = Duration.ofDays(182);
    private static final String OWNER_AND_GROUP = "ftp      ftp      ";

    private LongListing() {
    }

    /** One listing line for {@code file}, shown as {@code name}; follows symbolic links. */
    public static String line(Path file, String name, Instant now) throws IOException {
        return line(attributes(file), name, now);
    }

    /**
     * What a listing line shows of {@code file}, following symbolic links: its POSIX attributes
     * where the file system has them.
     *
     * @since 1.2
     */
    public static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(file, BasicFileAttributes.class);
        }
    }

    /**
     * One listing line from attributes already read ({@link ListedFile}). Built by hand: a
     * {@code String.format} per entry was most of the cost of listing a large directory.
     *
     * @since 1.2
     */
    public static String line(BasicFileAttributes attributes, String name, Instant now) {
        StringBuilder line = new StringBuilder(60 + name.length());
        boolean directory = attributes.isDirectory();
        line.append(directory ? 'd' : '-');
        if (attributes instanceof PosixFileAttributes posix) {
            line.append(PosixFilePermissions.toString(posix.permissions()));
        } else {
            line.append(directory ? "rwxr-xr-x" : "rw-r--r--");
        }
        line.append("    1 ").append(OWNER_AND_GROUP);
        String size = Long.toString(directory ? 4096 : attributes.size());
        line.append(" ".repeat(Math.max(0, 12 - size.length()))).append(size).append(' ');
        Instant modified = attributes.lastModifiedTime().toInstant();
        boolean recent = !modified.isAfter(now) && Duration.between(modified, now).compareTo(SIX_MONTHS) < 0;
        LocalDateTime time = LocalDateTime.ofEpochSecond(modified.getEpochSecond(), 0, ZoneOffset.UTC);
        line.append(MONTHS[time.getMonthValue() - 1]).append(' ');
        twoDigits(line, time.getDayOfMonth(), ' ').append(' ');
        if (recent) {
            twoDigits(line, time.getHour(), '0').append(':');
            twoDigits(line, time.getMinute(), '0');
        } else {
            line.append(' ').append(time.getYear());
        }
        return line.append(' ').append(name).toString();
    }

    private static StringBuilder twoDigits(StringBuilder line, int value, char pad) {
        return (value < 10 ? line.append(pad) : line).append(value);
    }
}
