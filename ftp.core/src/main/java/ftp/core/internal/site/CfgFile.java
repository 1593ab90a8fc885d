package ftp.core.internal.site;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An operator's {@code .cfg} file in {@code etc/}, written only through a temporary file and an
 * atomic move: File Install, which watches the directory, sees the old file or the new one,
 * never a half-written one. (File Install's own save is not atomic; its watcher once read a file
 * mid-write and the configuration lost keys: STACK.md's pitfall.)
 */
public final class CfgFile {

    private CfgFile() {
    }

    /** The file File Install read a configuration from, if it did. */
    public static Optional<Path> of(ConfigValues configuration) {
        String location = configuration.string("felix.fileinstall.filename", "");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
    }

    /**
     * Sets one property, keeping every other line (comments, order) as the operator wrote it.
     * {@code .cfg} files are ISO-8859-1 property files; the value must need no escaping.
     */
    public static void setProperty(Path file, String key, String value) throws IOException {
        Pattern line = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        String replacement = key + " = " + value;
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            if (line.matcher(lines.get(i)).matches()) {
                at = i;
            }
        }
        if (at >= 0) {
            lines.set(at, replacement);
        } else {
            lines.add(replacement);
        }
        write(file, String.join("\n", lines) + "\n");
    }

    /** Writes the whole file: complete or not at all. The temporary name does not end in .cfg. */
    public static void write(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.ISO_8859_1);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
