package ftp.features.internal;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import ftp.core.api.FtpSession;
import ftp.core.api.FtpUser;
import ftp.core.api.LongListing;
import ftp.core.api.Permission;
import ftp.core.api.SessionKey;
import ftp.core.api.VirtualFile;

/**
 * The facts of MLST and MLSD (RFC 3659 section 7.5): {@code type}, {@code size}, {@code modify},
 * {@code perm}, {@code unique} and {@code UNIX.mode}, in that order, each {@code name=value;},
 * then one space and the name. Times are UTC without fractions. The selection made with
 * {@code OPTS MLST} is kept per session and shared by both commands.
 */
final class Facts {

    /** Every fact this server can give, in output order. */
    static final List<String> ALL = List.of("type", "size", "modify", "perm", "unique", "UNIX.mode");

    /** The facts selected with OPTS MLST; all of them until then. */
    static final SessionKey<Selection> SELECTED = SessionKey.of("mlst.facts", Selection.class);

    /** The selected facts (names as in {@link #ALL}). */
    record Selection(Set<String> facts) {
    }

    private Facts() {
    }

    static Set<String> selected(FtpSession session) {
        return session.get(SELECTED).map(Selection::facts).orElse(new LinkedHashSet<>(ALL));
    }

    /** Applies {@code OPTS MLST a;b;}: known names (any case) in output order; unknown ones are ignored. */
    static Set<String> select(String request) {
        Set<String> asked = new LinkedHashSet<>();
        for (String name : request.split(";")) {
            asked.add(name.trim().toLowerCase(Locale.ROOT));
        }
        return ALL.stream().filter(fact -> asked.contains(fact.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The FEAT line: every supported fact, the selected ones starred. */
    static String featLine(FtpSession session) {
        Set<String> selected = selected(session);
        return "MLST " + ALL.stream().map(f -> f + (selected.contains(f) ? "*;" : ";")).collect(Collectors.joining());
    }

    /**
     * One entry: the selected facts, a space, the name.
     *
     * @param type {@code file}, {@code dir}, {@code cdir} or {@code pdir}; null to take it from the file
     */
    static String line(FtpSession session, VirtualFile file, String type, String name) throws IOException {
        return line(View.of(session), LongListing.attributes(file.file()), type, name);
    }

    /**
     * What every line of one listing shares, looked up once: the selected facts (bit {@code i}
     * for {@code ALL.get(i)}) and the user's {@code perm} values for files and for directories.
     */
    record View(int facts, String filePerm, String dirPerm) {
        static View of(FtpSession session) {
            FtpUser user = session.user().orElseThrow();
            Set<String> selected = Facts.selected(session);
            int facts = 0;
            for (String fact : selected) {
                facts |= bit(fact);
            }
            return new View(facts, perm(user, false), perm(user, true));
        }
    }

    // the bits of View.facts, from ALL
    private static final int TYPE = bit("type"), SIZE = bit("size"), MODIFY = bit("modify"), PERM = bit("perm"),
            UNIQUE = bit("unique"), MODE = bit("UNIX.mode");

    private static int bit(String fact) {
        return 1 << ALL.indexOf(fact);
    }

    /**
     * One entry from attributes already read (MLSD: {@link ftp.core.api.FileSystemView#list}),
     * with the selection and the user looked up once per listing. One builder per line, no string
     * per fact: MLSD formats one line per entry of directories of any size.
     */
    static String line(View view, BasicFileAttributes attributes, String type, String name) {
        boolean directory = attributes.isDirectory();
        int facts = view.facts();
        StringBuilder line = new StringBuilder(128 + name.length());
        if ((facts & TYPE) != 0) {
            line.append("type=").append(type != null ? type : directory ? "dir" : "file").append(';');
        }
        if ((facts & SIZE) != 0 && !directory) {
            line.append("size=").append(attributes.size()).append(';');
        }
        if ((facts & MODIFY) != 0) {
            TimeVal.append(line.append("modify="), attributes.lastModifiedTime().toInstant()).append(';');
        }
        if ((facts & PERM) != 0) {
            line.append("perm=").append(directory ? view.dirPerm() : view.filePerm()).append(';');
        }
        if ((facts & UNIQUE) != 0) {
            unique(line, attributes);
        }
        if ((facts & MODE) != 0 && attributes instanceof PosixFileAttributes posix) {
            mode(line.append("UNIX.mode="), posix.permissions()).append(';');
        }
        return line.append(' ').append(name).toString();
    }

    /** RFC 3659 section 7.5.5, from what the user may do. */
    static String perm(FtpUser user, boolean directory) {
        StringBuilder perm = new StringBuilder();
        if (directory) {
            append(perm, user.can(Permission.WRITE), 'c');
            append(perm, user.can(Permission.RMDIR), 'd');
            append(perm, user.can(Permission.LIST), 'e');
            append(perm, user.can(Permission.RENAME), 'f');
            append(perm, user.can(Permission.LIST), 'l');
            append(perm, user.can(Permission.MKDIR), 'm');
            append(perm, user.can(Permission.DELETE), 'p');
        } else {
            append(perm, user.can(Permission.APPEND), 'a');
            append(perm, user.can(Permission.DELETE), 'd');
            append(perm, user.can(Permission.RENAME), 'f');
            append(perm, user.can(Permission.READ), 'r');
            append(perm, user.can(Permission.WRITE), 'w');
        }
        return perm.toString();
    }

    private static void append(StringBuilder perm, boolean allowed, char letter) {
        if (allowed) {
            perm.append(letter);
        }
    }

    /**
     * {@code unique=<device>U<inode>;} in hex where the file system has them (the file key
     * "(dev=803,ino=1234)"), else a hash of the file key; nothing without a file key.
     */
    private static void unique(StringBuilder line, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        if (key == null) {
            return;
        }
        String text = key.toString();
        line.append("unique=");
        // read by hand: a regular expression per entry slowed MLSD down
        int dev = text.indexOf("(dev=");
        int ino = text.indexOf(",ino=");
        if (dev == 0 && ino > 5 && text.endsWith(")")) {
            try {
                long inode = Long.parseLong(text, ino + 5, text.length() - 1, 10);
                line.append(text, 5, ino).append('U').append(Long.toHexString(inode)).append(';');
                return;
            } catch (NumberFormatException e) {
                // not the Unix form after all
            }
        }
        line.append(Integer.toHexString(text.hashCode())).append(';');
    }

    /** The four octal digits of the permission bits. */
    private static StringBuilder mode(StringBuilder line, Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return line.append('0').append((char) ('0' + (mode >> 6 & 7))).append((char) ('0' + (mode >> 3 & 7)))
                .append((char) ('0' + (mode & 7)));
    }
}
