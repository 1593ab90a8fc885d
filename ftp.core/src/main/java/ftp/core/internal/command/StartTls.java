package ftp.core.internal.command;

import ftp.core.api.FtpSession;
import ftp.core.api.SessionProtocol;

/** The {@code tls.forceStartTls} rule of the login commands. */
final class StartTls {

    private StartTls() {
    }

    /** Whether this session may not log in before AUTH TLS. */
    static boolean required(FtpSession session) {
        return session.settings().tls().forceStartTls() && session.protocol() == SessionProtocol.FTP;
    }
}
