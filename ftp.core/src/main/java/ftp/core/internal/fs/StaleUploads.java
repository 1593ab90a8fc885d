package ftp.core.internal.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * Upload temporaries that outlived their upload (the server was killed during a STOR): removed
 * when their site starts, if older than the start. Links are not followed, so only the site's own
 * tree is searched.
 */
public final class StaleUploads {

    /** What a sweep removed. */
    public record Removed(long files, long bytes) {
    }

    private StaleUploads() {
    }

    public static Removed remove(Path root, Instant olderThan) throws IOException {
        long[] removed = new long[2];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && name.startsWith(AtomicUpload.TEMP_PREFIX) && name.endsWith(".part")
                        && attributes.lastModifiedTime().toInstant().isBefore(olderThan) && Files.deleteIfExists(file)) {
                    removed[0]++;
                    removed[1] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable: nothing of ours can be in it
            }
        });
        return new Removed(removed[0], removed[1]);
    }
}
