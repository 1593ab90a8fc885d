package ftp.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An FTP reply as a value: a three-digit code and one or more lines of text.
 *
 * <p>Line breaks inside the text split it into lines, so a CR or LF from a configured banner or
 * a file name can never start a reply of its own. {@link #toWire()} is the only place that
 * formats replies (RFC 959 section 4.2).
 */
public final class Reply {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final int code;
    private final List<String> lines;
    private final boolean indentedBody;
    private final boolean continued;

    private Reply(int code, List<String> lines, boolean indentedBody) {
        this(code, lines, indentedBody, false);
    }

    private Reply(int code, List<String> lines, boolean indentedBody, boolean continued) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        this.code = code;
        this.lines = List.copyOf(lines);
        this.indentedBody = indentedBody;
        this.continued = continued;
    }

    /** A reply whose text may span lines; every line carries the code ({@code 220-…}, last {@code 220 …}). */
    public static Reply of(int code, String text) {
        return new Reply(code, split(text), false);
    }

    /**
     * A block reply: a first line, body lines sent with one leading space (FEAT, STAT, MLST), and
     * a closing line, as RFC 2389 and RFC 3659 show them.
     */
    public static Reply block(int code, String first, List<String> body, String last) {
        List<String> all = new ArrayList<>();
        all.addAll(split(first));
        for (String line : body) {
            all.addAll(split(line));
        }
        all.addAll(split(last));
        return new Reply(code, all, true);
    }

    /**
     * One intermediate line, {@code <code>-<text>}: sent while a reply is being computed (a HASH
     * keep-alive), always followed by a final reply of the same code.
     */
    public static Reply continued(int code, String text) {
        return new Reply(code, List.of(String.join(" ", split(text))), false, true);
    }

    /**
     * The text's lines; any other control character (NUL, BEL, ESC, DEL, C1) becomes a space: a
     * reply is read by terminals and parsers, and a configured banner must not drive either.
     */
    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(text == null ? "" : text, -1)) {
            StringBuilder safe = new StringBuilder(line.length());
            line.chars().forEach(c -> safe.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                    ? ' ' : (char) c));
            lines.add(safe.toString());
        }
        return List.copyOf(lines);
    }

    public int code() {
        return code;
    }

    public List<String> lines() {
        return lines;
    }

    /** The reply as sent: CRLF after every line, the last line {@code "<code> <text>"}. */
    public String toWire() {
        if (continued) {
            return code + "-" + lines.get(0) + "\r\n";
        }
        StringBuilder out = new StringBuilder();
        int last = lines.size() - 1;
        for (int i = 0; i < last; i++) {
            if (i > 0 && indentedBody) {
                out.append(' ').append(lines.get(i));
            } else {
                out.append(code).append('-').append(lines.get(i));
            }
            out.append("\r\n");
        }
        return out.append(code).append(' ').append(lines.get(last)).append("\r\n").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reply r && r.toWire().equals(toWire());
    }

    @Override
    public int hashCode() {
        return toWire().hashCode();
    }

    @Override
    public String toString() {
        return toWire().stripTrailing();
    }
}
