package ftp.shell.internal.karaf;

import java.io.IOException;

import org.apache.karaf.shell.api.console.Session;

import ftp.shell.internal.FtpShell;
import ftp.shell.internal.FtpShell.ShellException;

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
        String typed;
        try {
            typed = session.readLine(prompt, NO_ECHO);
        } catch (UnsupportedOperationException batch) {
            // a bin/client -b or ssh exec session has no terminal to read a line from
            throw new ShellException("Not changed: no terminal to ask for a password (a scripted session); use --random");
        }
        return typed == null ? null : typed.toCharArray();
    }
}
