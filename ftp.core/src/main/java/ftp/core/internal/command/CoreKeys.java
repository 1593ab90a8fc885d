package ftp.core.internal.command;

import ftp.core.api.SessionKey;
import ftp.core.api.VirtualFile;

/** Session state of the base commands. */
final class CoreKeys {

    /**
     * REST offset for the next RETR/STOR (RFC 3659 section 5). Clients send REST before or after
     * preparing the data connection, so those verbs keep it.
     */
    static final SessionKey<Long> REST_OFFSET = SessionKey.untilNextCommand("rest", Long.class, "REST", "PASV",
            "EPSV", "PORT", "EPRT");

    /** RNFR source for the very next RNTO. */
    static final SessionKey<VirtualFile> RENAME_FROM = SessionKey.untilNextCommand("rnfr", VirtualFile.class, "RNFR");

    private CoreKeys() {
    }
}
