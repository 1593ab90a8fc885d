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
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code ls -l} line that FileZilla, curl, lftp and Python ftplib parse:
 * {@code -rw-r--r--    1 ftp      ftp          1234 Nov 25 00:44 name}. Times are UTC, like MDTM;
 * entries older than six months (or in the future) show the year instead of the time, as ls does.
 * Owner and group are always {@code ftp}: local account names are not the client's business.
 */
public final class LongListing {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final Duration SIX_MONTHS = Duration.ofDays(182);

    private LongListing() {
    }

    /** One listing line for {@code file}, shown as {@code name}; follows symbolic links. */
    public static String line(Path file, String name, Instant now) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String permissions = permissions(file, attributes);
        Instant modified = attributes.lastModifiedTime().toInstant();
        boolean recent = !modified.isAfter(now) && Duration.between(modified, now).compareTo(SIX_MONTHS) < 0;
        String date = (recent ? RECENT : OLD).format(modified);
        long size = attributes.isDirectory() ? 4096 : attributes.size();
        return String.format(Locale.ROOT, "%s %4d %-8s %-8s %12d %s %s", permissions, 1, "ftp", "ftp", size, date, name);
    }

    private static String permissions(Path file, BasicFileAttributes attributes) throws IOException {
        char type = attributes.isDirectory() ? 'd' : '-';
        try {
            PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class);
            return type + PosixFilePermissions.toString(posix.permissions());
        } catch (UnsupportedOperationException e) {
            String rw = (Files.isReadable(file) ? "r" : "-") + (Files.isWritable(file) ? "w" : "-");
            String x = attributes.isDirectory() ? "x" : "-";
            return type + rw + x + rw.charAt(0) + "-" + x + rw.charAt(0) + "-" + x;
        }
    }
}
