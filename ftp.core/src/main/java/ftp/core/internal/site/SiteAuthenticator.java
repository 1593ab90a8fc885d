package ftp.core.internal.site;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import ftp.core.api.FtpUser;
import ftp.core.api.LoginOutcome;
import ftp.core.api.SessionProtocol;
import ftp.core.api.UserStore;
import ftp.core.internal.protocol.Authenticator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login policy of one site (DESIGN section 5): the user stores in ranking order, site
 * membership, the per-user protocol allowance, and the failure ban.
 */
final class SiteAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SiteAuthenticator.class);

    private final String site;
    private final Supplier<List<UserStore>> stores;
    private final LoginGuard guard;

    SiteAuthenticator(String site, Supplier<List<UserStore>> stores, LoginGuard guard) {
        this.site = site;
        this.stores = stores;
        this.guard = guard;
    }

    @Override
    public boolean banned(InetAddress client) {
        return guard.banned(client);
    }

    /**
     * The attempt is admitted by the guard before the password is checked. A protocol the user's
     * allowance excludes answers exactly like a wrong password, and counts as a failure: a client
     * must not learn that the password was right.
     */
    @Override
    public Result login(String name, char[] password, SessionProtocol protocol, InetAddress client) {
        if (!guard.admit(client)) {
            return new Result(guard.banned(client) ? LoginOutcome.BANNED : LoginOutcome.REJECTED, Optional.empty());
        }
        boolean ended = false;
        try {
            Optional<FtpUser> user = Optional.empty();
            for (UserStore store : stores.get()) {
                user = store.authenticate(name, password);
                if (user.isPresent()) {
                    break;
                }
            }
            if (user.isEmpty() || !user.get().mayUseSite(site) || !user.get().protocols().contains(protocol)) {
                if (user.isPresent() && user.get().mayUseSite(site)) {
                    LOG.info("Site {}: '{}' from {} may not log in over {}; answered as a failed login", site, name,
                            client, protocol.configName());
                }
                ended = true;
                LoginOutcome outcome = guard.failed(client) ? LoginOutcome.BANNED : LoginOutcome.REJECTED;
                return new Result(outcome, Optional.empty());
            }
            ended = true;
            guard.succeeded(client);
            return new Result(LoginOutcome.SUCCESS, user);
        } finally {
            if (!ended) {
                guard.released(client); // a user store threw: the attempt is neither right nor wrong
            }
        }
    }
}
