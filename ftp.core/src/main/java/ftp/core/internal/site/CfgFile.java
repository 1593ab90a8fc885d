package ftp.core.internal.site;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.felix.utils.properties.ConfigurationHandler;
import org.apache.felix.utils.properties.Properties;
import org.apache.felix.utils.properties.TypedProperties;

/**
 * An operator's {@code .cfg} file in {@code etc/}: the one writer of everything this project puts
 * there (console, JSON API, {@code ftp:set}, {@code ftp:passwd}, the hashed-password write-back).
 *
 * <p>What File Install (and Karaf's) reads back is exactly what was meant. The file is read with
 * File Install's own parser (Felix utils {@link Properties.PropertiesReader} and
 * {@link TypedProperties}); only the lines of the keys that change are replaced, so comments,
 * blank lines, order and continuation lines of every other key stay byte for byte. A value is
 * escaped for both layers File Install applies: the properties syntax (line breaks, {@code \},
 * leading blanks, anything outside printable Latin-1 as {@code \}{@code uXXXX}) and its variable
 * interpolation ({@code ${…}} stays literal). Before the file is replaced, the new text is parsed
 * again the way File Install parses it and must yield the old values with exactly the changes
 * applied; otherwise nothing is written. The new text goes to a temporary file with the old one's
 * mode, owner and group, is forced to disk and moved over the file atomically: File Install's
 * watcher sees the old file or the new one, never a half-written one. A change that changes no
 * value writes nothing.
 */
public final class CfgFile {

    /** What a key may be: no separators, blanks, comment marks, escapes or control characters. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** File Install's test for a typed value (Felix utils PropertiesReader.nextProperty). */
    private static final Pattern TYPED = Pattern.compile(
            "\\s*[TILFDXSCBilfdxscb]?(\\[[\\S\\s]*\\]|\\([\\S\\s]*\\)|\\{[\\S\\s]*\\}|\"[\\S\\s]*\")\\s*");
    /** Felix utils' interpolation turns every {@code $__} into {@code $}, whatever the escaping. */
    private static final String INTERPOLATION_MARKER = "$__";
    /** Stands for every variable when a written file is checked: any interpolation shows. */
    private static final String SUBSTITUTED = "\u0000substituted\u0000";

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

    /** Why a key was refused by {@link #checkKey}. */
    public static final String NOT_A_KEY = "not a property name (letters, digits, '.', '_' and '-', starting with a "
            + "letter or digit)";

    /** Whether a key can be written as one plain property name. */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Refuses a key that could not be written as one plain property name. */
    public static void checkKey(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException(printable(key) + ": " + NOT_A_KEY);
        }
    }

    /**
     * Applies changes to the file: a key mapped to a value is set (replacing its lines where it
     * stands, or appended), a key mapped to {@code null} is removed.
     *
     * @return whether the file was written (false when no value changed)
     * @throws IllegalArgumentException naming the key whose name or value cannot be stored
     * @throws IOException when the file cannot be read or replaced; it is then unchanged
     */
    public static boolean update(Path file, Map<String, String> changes) throws IOException {
        changes.keySet().forEach(CfgFile::checkKey);
        changes.forEach((key, value) -> {
            if (value != null && value.contains(INTERPOLATION_MARKER)) {
                throw new IllegalArgumentException(key + ": '" + INTERPOLATION_MARKER
                        + "' cannot be stored in a .cfg file (File Install reads it as '$')");
            }
        });
        String old = Files.readString(file, StandardCharsets.ISO_8859_1);
        Layout layout = Layout.of(old);
        Map<String, Object> before = parse(old);
        Map<String, Object> expected = new HashMap<>(before);
        Map<String, String> effective = new LinkedHashMap<>();
        changes.forEach((key, value) -> {
            if (value == null ? before.containsKey(key)
                    : !before.containsKey(key) || !value.equals(ConfigValues.text(before.get(key)))) {
                effective.put(key, value);
                if (value == null) {
                    expected.remove(key);
                } else {
                    expected.put(key, layout.typed() ? typed(value, before.get(key)) : value);
                }
            }
        });
        if (effective.isEmpty()) {
            return false;
        }
        String text = layout.with(effective, before);
        // what the bytes on disk will say: characters ISO-8859-1 cannot hold would become '?'
        Map<String, Object> after = parse(new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1));
        if (!difference(expected, after).isEmpty()) { // per key, deeply: typed values may be arrays
            throw new IllegalArgumentException("the values cannot be written so that File Install reads them back "
                    + "unchanged: " + difference(expected, after));
        }
        write(file, text);
        return true;
    }

    /** The values File Install delivers for this text, every {@code ${…}} standing for {@link #SUBSTITUTED}. */
    static Map<String, Object> parse(String text) throws IOException {
        TypedProperties properties = new TypedProperties((name, key, value) -> SUBSTITUTED);
        properties.load(new StringReader(text));
        return new HashMap<>(properties);
    }

    /** A value as a plain {@code .cfg} line holds it: one line, whatever the value holds. */
    public static String escaped(String value) {
        try {
            return escape(value, false);
        } catch (IOException e) {
            throw new IllegalStateException("a plain value needs no typed writer", e);
        }
    }

    /**
     * The value a typed file gets: of the same type as the value it replaces (a typed boolean stays
     * a boolean, a list a list), else text.
     */
    private static Object typed(String value, Object old) {
        if (old instanceof Boolean && ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value))) {
            return Boolean.valueOf(value);
        }
        try {
            if (old instanceof Integer) {
                return Integer.valueOf(value.trim());
            }
            if (old instanceof Long) {
                return Long.valueOf(value.trim());
            }
        } catch (NumberFormatException notANumber) {
            return value;
        }
        if (old instanceof Object[]) {
            return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        }
        return value;
    }

    /** A value as a raw {@code .cfg} line holds it, in the file's flavour (typed or plain). */
    static String escape(String value, boolean typed) throws IOException {
        return escape(value, typed, null);
    }

    private static String escape(String value, boolean typed, Object old) throws IOException {
        if (typed) {
            return interpolationEscape(ConfigurationHandler.write(typed(value, old)));
        }
        String text = interpolationEscape(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0xff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        // A file whose values all look typed is read as a typed file: never let ours look typed.
        if (TYPED.matcher(out).matches()) {
            out.replace(0, 1, String.format("\\u%04x", (int) out.charAt(0)));
        }
        return out.toString();
    }

    /**
     * Escapes for Felix utils' interpolation, which runs on every value: it expands {@code ${…}}
     * and then drops a backslash before a backslash or a brace.
     */
    private static String interpolationEscape(String value) {
        return value.replace("\\", "\\\\").replace("${", "$\\{");
    }

    private static String difference(Map<String, Object> expected, Map<String, Object> actual) {
        List<String> keys = new ArrayList<>();
        expected.forEach((key, value) -> {
            if (!Objects.deepEquals(value, actual.get(key))) {
                keys.add(key);
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(keys::add);
        return String.join(", ", keys);
    }

    /**
     * Writes the whole file, complete or not at all: a temporary file (forced to disk, with the old
     * file's mode, owner and group; a new file is readable by its owner only) moved over it
     * atomically. The temporary name does not end in {@code .cfg}, so File Install ignores it.
     */
    public static void write(Path link, String content) throws IOException {
        // an operator's symbolic link to the real file stays a link: the real file is replaced
        Path file = Files.exists(link) ? link.toRealPath() : link;
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null && Files.exists(file)) {
                PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
                view.setPermissions(old.permissions());
                try {
                    if (!old.owner().equals(Files.getOwner(temp))) {
                        view.setOwner(old.owner());
                    }
                    GroupPrincipal group = old.group();
                    if (!group.equals(view.readAttributes().group())) {
                        view.setGroup(group);
                    }
                } catch (java.nio.file.FileSystemException notPermitted) {
                    // only root may give a file away: a server running as another user writes the
                    // file as its own, with the operator's mode
                }
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = StandardCharsets.ISO_8859_1.encode(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The text with control characters as {@code \}{@code uXXXX}, for messages and the shell. */
    public static String printable(String text) {
        return text == null ? "null" : text.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f
                ? String.format("\\u%04x", c) : Character.toString(c)).reduce("", String::concat);
    }

    /**
     * The file's lines, each with its own line end, and where each property's lines are, as File
     * Install's reader sees them: its LineNumberReader ends a line at LF, CR or CRLF.
     */
    private record Layout(List<String> lines, List<String> ends, Map<String, List<int[]>> ranges, boolean typed) {

        static Layout of(String text) throws IOException {
            List<String> lines = new ArrayList<>();
            List<String> ends = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                    lines.add(text.substring(start, i));
                    ends.add(text.substring(i, end));
                    start = end;
                    i = end - 1;
                }
            }
            if (start < text.length()) {
                lines.add(text.substring(start));
                ends.add("");
            }
            Map<String, List<int[]>> ranges = new LinkedHashMap<>();
            boolean typed = true;
            boolean any = false;
            try (Properties.PropertiesReader reader = new Properties.PropertiesReader(new StringReader(text), true)) {
                while (reader.nextProperty()) {
                    any = true;
                    int end = reader.getLineNumber();
                    if (end > lines.size()) {
                        throw new IOException("the file's lines cannot be told apart");
                    }
                    ranges.computeIfAbsent(reader.getPropertyName(), k -> new ArrayList<>())
                            .add(new int[] { end - reader.getValueLines().size(), end });
                    typed &= TYPED.matcher(reader.getPropertyValue()).matches() && reader.getPropertyValue().length() >= 2;
                }
            }
            return new Layout(lines, ends, ranges, any && typed);
        }

        /** The line end new lines get: the file's first one, else LF. */
        private String newLine() {
            return ends.stream().filter(end -> !end.isEmpty()).findFirst().orElse("\n");
        }

        /**
         * The text with the changes applied: a changed key's lines are replaced by one line with its
         * first line's end, a removed key's lines dropped, new keys appended; every other line and
         * line end stays as it was.
         */
        String with(Map<String, String> changes, Map<String, Object> before) throws IOException {
            String[] replacement = new String[lines.size()];
            boolean[] dropped = new boolean[lines.size()];
            List<String> appended = new ArrayList<>();
            for (Map.Entry<String, String> change : changes.entrySet()) {
                String line = change.getValue() == null ? null
                        : change.getKey() + " = " + escape(change.getValue(), typed, before.get(change.getKey()));
                List<int[]> all = ranges.get(change.getKey());
                if (all == null) {
                    if (line != null) {
                        appended.add(line);
                    }
                    continue;
                }
                // a key given twice: every occurrence goes, the new line stands where the last was
                for (int[] range : all) {
                    for (int i = range[0]; i < range[1]; i++) {
                        dropped[i] = true;
                    }
                }
                int[] last = all.get(all.size() - 1);
                replacement[last[0]] = line;
                ends.set(last[0], ends.get(last[1] - 1));
            }
            StringBuilder out = new StringBuilder();
            String lastEnd = "";
            for (int i = 0; i < lines.size(); i++) {
                if (replacement[i] != null) {
                    out.append(replacement[i]).append(ends.get(i));
                    lastEnd = ends.get(i);
                } else if (!dropped[i]) {
                    out.append(lines.get(i)).append(ends.get(i));
                    lastEnd = ends.get(i);
                }
            }
            if (!appended.isEmpty()) {
                if (out.length() > 0 && lastEnd.isEmpty()) {
                    out.append(newLine());
                }
                appended.forEach(line -> out.append(line).append(newLine()));
            }
            return out.toString();
        }

    }
}
