package ftp.shell.internal.karaf;

import java.io.IOException;

import org.apache.karaf.shell.api.console.Session;

import ftp.shell.internal.FtpShell;

/** A password typed twice at the session's terminal, nothing echoed. */
final class PasswordPrompt {

    /** JLine echoes this mask character for each key typed: none. */
    private static final Character NO_ECHO = (char) 0;

    private PasswordPrompt() {
    }

    static char[] ask(Session session) throws IOException {
        return FtpShell.confirmed(line(session, "Password: "), line(session, "Again: "));
    }

    private static char[] line(Session session, String prompt) throws IOException {
        String typed = session.readLine(prompt, NO_ECHO);
        return typed == null ? null : typed.toCharArray();
    }
}
