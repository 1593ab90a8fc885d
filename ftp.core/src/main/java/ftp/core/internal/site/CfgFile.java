package ftp.core.internal.site;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's {@code .cfg} file in {@code etc/}, written only through a temporary file and an
 * atomic move: File Install, which watches the directory, sees the old file or the new one,
 * never a half-written one. (File Install's own save is not atomic; its watcher once read a file
 * mid-write and the configuration lost keys: STACK.md's pitfall.)
 */
public final class CfgFile {

    /** A {@code key = value} (or {@code key: value}) line; comments and continuations do not match. */
    private static final Pattern PROPERTY = Pattern.compile("\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:].*");

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

    /** Sets one property, keeping every other line (comments, order) as the operator wrote it. */
    public static void setProperty(Path file, String key, String value) throws IOException {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(key, value);
        update(file, one, Set.of());
    }

    /**
     * Sets properties and removes others, keeping comments, order and every other line as the
     * operator wrote them; new keys are appended. Values are escaped for a properties file (a
     * line break in a banner becomes {@code \\n}).
     */
    public static void update(Path file, Map<String, String> set, Set<String> remove) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        Map<String, String> pending = new LinkedHashMap<>(set);
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            Matcher property = PROPERTY.matcher(line);
            String key = property.matches() ? property.group(1) : null;
            if (key != null && remove.contains(key)) {
                continue;
            }
            if (key != null && pending.containsKey(key)) {
                result.add(key + " = " + escape(pending.remove(key)));
            } else {
                result.add(line);
            }
        }
        pending.forEach((key, value) -> result.add(key + " = " + escape(value)));
        write(file, String.join("\n", result) + "\n");
    }

    /** Escapes a value as java.util.Properties (and File Install) read it back. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (i == 0 && c == ' ') {
                        out.append("\\ ");
                    } else if (c < 0x20 || c > 0xff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
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
