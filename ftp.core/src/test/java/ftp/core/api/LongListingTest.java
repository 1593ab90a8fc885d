package ftp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongListingTest {

    private static final String DATE_RECENT = "[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d";
    private static final String DATE_OLD = "[A-Z][a-z]{2} [ \\d]\\d  \\d{4}";
    private static final Pattern LINE = Pattern.compile("^([-d][-rwx]{9}) +1 ftp +ftp +(\\d+) (.{12}) (.*)$");

    @TempDir
    Path dir;

    private final Instant now = Instant.now();

    @Test
    void recentFileLine() throws Exception {
        Path file = file("name", "hello", Duration.ofHours(1));
        assumePosix(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        String line = LongListing.line(file, "name", now);
        assertTrue(line.matches("^-rw-r--r-- +1 ftp +ftp +\\d+ " + DATE_RECENT + " name$"), line);
    }

    @Test
    void permissionsComeFromTheFile() throws Exception {
        Path file = file("script", "x", Duration.ofHours(1));
        assumePosix(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        assertTrue(LongListing.line(file, "script", now).startsWith("-rwxr-x--- "));
    }

    @Test
    void sizeColumnIsTheFileSize() throws Exception {
        Path file = file("data.bin", "0123456789".repeat(123), Duration.ofHours(1));
        Matcher m = parse(LongListing.line(file, "data.bin", now));
        assertEquals(Files.size(file), Long.parseLong(m.group(2)));
        assertEquals(1230, Long.parseLong(m.group(2)));
    }

    @Test
    void directoryLineStartsWithD() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        String line = LongListing.line(sub, "sub", now);
        assertTrue(line.startsWith("d"), line);
        assertTrue(line.endsWith(" sub"), line);
        parse(line);
    }

    @Test
    void oldFileShowsTheYear() throws Exception {
        Path file = file("old.txt", "x", Duration.ofDays(730));
        String line = LongListing.line(file, "old.txt", now);
        Matcher m = parse(line);
        assertTrue(m.group(3).matches(DATE_OLD), line);
        String year = String.valueOf(now.minus(Duration.ofDays(730)).atZone(java.time.ZoneOffset.UTC).getYear());
        assertTrue(m.group(3).endsWith("  " + year), line);
    }

    @Test
    void futureFileShowsTheYear() throws Exception {
        Path file = file("future.txt", "x", Duration.ofDays(-30));
        assertTrue(parse(LongListing.line(file, "future.txt", now)).group(3).matches(DATE_OLD));
    }

    @Test
    void recentFileShowsTheTime() throws Exception {
        Path file = file("recent.txt", "x", Duration.ofDays(30));
        assertTrue(parse(LongListing.line(file, "recent.txt", now)).group(3).matches(DATE_RECENT));
    }

    @Test
    void nameWithSpacesIsKeptVerbatim() throws Exception {
        String name = "my  file name .txt";
        Path file = file(name, "x", Duration.ofHours(1));
        String line = LongListing.line(file, name, now);
        assertTrue(line.endsWith(" " + name), line);
        assertEquals(name, parse(line).group(4));
    }

    @Test
    void shownNameIsTheGivenName() throws Exception {
        Path file = file("on-disk", "x", Duration.ofHours(1));
        assertTrue(LongListing.line(file, "shown", now).endsWith(" shown"));
    }

    private Path file(String name, String content, Duration age) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(now.minus(age)));
        return file;
    }

    private static Matcher parse(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        return m;
    }

    private static void assumePosix(Path file) {
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }
}
