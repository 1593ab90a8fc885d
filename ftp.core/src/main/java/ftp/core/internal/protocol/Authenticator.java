package ftp.core.internal.protocol;

import java.net.InetAddress;
import java.util.Optional;

import ftp.core.api.FtpUser;
import ftp.core.api.LoginOutcome;
import ftp.core.api.SessionProtocol;

/** The login policy of a site: user stores, site membership, protocol allowance, ban list. */
public interface Authenticator {

    /** The result of a login attempt; {@code user} is present on success. */
    record Result(LoginOutcome outcome, Optional<FtpUser> user) {
    }

    /** Whether the address is banned right now (checked when a client connects). */
    boolean banned(InetAddress client);

    Result login(String name, char[] password, SessionProtocol protocol, InetAddress client);
}
