package ftp.core.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicUploadTest {

    @TempDir
    Path dir;

    @Test
    void commitReplacesTheTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("file.txt"), "old content, longer than the new one");
        try (AtomicUpload upload = AtomicUpload.begin(dir.toRealPath(), target, true)) {
            write(upload, "new");
            assertEquals("old content, longer than the new one", Files.readString(target),
                    "the target is untouched until commit");
            upload.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("file.txt"), names());
    }

    @Test
    void commitCreatesAMissingTarget() throws IOException {
        Path target = dir.resolve("new.txt");
        try (AtomicUpload upload = AtomicUpload.begin(dir.toRealPath(), target, true)) {
            write(upload, "data");
            upload.commit();
        }
        assertEquals("data", Files.readString(target));
    }

    @Test
    void closeWithoutCommitKeepsTheTargetAndRemovesTheTempFile() throws IOException {
        Path target = Files.writeString(dir.resolve("file.txt"), "old");
        try (AtomicUpload upload = AtomicUpload.begin(dir.toRealPath(), target, true)) {
            write(upload, "partial upl");
            assertTrue(names().stream().anyMatch(n -> n.startsWith(AtomicUpload.TEMP_PREFIX)),
                    "the upload is written to a temporary file beside the target");
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("file.txt"), names());
        assertFalse(names().stream().anyMatch(n -> n.startsWith(".ftp-upload-")));
    }

    @Test
    void closeWithoutCommitCreatesNoTarget() throws IOException {
        Path target = dir.resolve("never.txt");
        try (AtomicUpload upload = AtomicUpload.begin(dir.toRealPath(), target, true)) {
            write(upload, "x");
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names());
    }

    @Test
    void committedFileIsWorldReadable() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path target = dir.resolve("perm.txt");
        try (AtomicUpload upload = AtomicUpload.begin(dir.toRealPath(), target, true)) {
            write(upload, "x");
            upload.commit();
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    private static void write(AtomicUpload upload, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            upload.channel().write(bytes);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
