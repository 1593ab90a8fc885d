package ftp.core.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.VirtualFile;

/** Issue 11: a listing's read-ahead never loses an entry, a failure, or the consumer. */
class ListingWindowsTest {

    private static final int WINDOW = 256;
    private static final List<String> NAMES = new ArrayList<>();
    private static BasicFileAttributes attributes;

    @TempDir
    static Path dir;

    @BeforeAll
    static void names() throws Exception {
        for (int i = 0; i < WINDOW * 5 + 17; i++) {
            NAMES.add(String.format("n%05d", i));
        }
        attributes = Files.readAttributes(dir, BasicFileAttributes.class);
    }

    private static List<String> consume(Function<String, BasicFileAttributes> read, Executor helper) {
        ListingWindows entries = new ListingWindows(new VirtualFile("/", dir), NAMES, WINDOW, read, helper);
        List<String> seen = new ArrayList<>();
        entries.forEachRemaining(entry -> seen.add(entry.name()));
        return seen;
    }

    @Test
    void everyShownEntryComesInOrderWithOrWithoutHelp() {
        List<String> shown = NAMES.stream().filter(name -> !name.endsWith("3")).toList();
        Function<String, BasicFileAttributes> read = name -> name.endsWith("3") ? null : attributes;
        assertEquals(shown, consume(read, ForkJoinPool.commonPool()));
        assertEquals(shown, consume(read, null));
        assertEquals(shown, consume(read, task -> {
            throw new RejectedExecutionException("busy");
        }), "a pool that refuses only means no help");
    }

    @Test
    void whatFailsOnTheHelpersThreadIsThrownOnTheConsumers() {
        // the helper alone reads the windows ahead; it fails on an entry of the third window
        String bad = NAMES.get(WINDOW * 2 + 5);
        Function<String, BasicFileAttributes> read = name -> {
            if (name.equals(bad)) {
                throw new IllegalStateException("cannot read " + name);
            }
            return attributes;
        };
        assertThrows(IllegalStateException.class, () -> consume(read, ForkJoinPool.commonPool()));
        assertThrows(IllegalStateException.class, () -> consume(read, null));
    }
}
