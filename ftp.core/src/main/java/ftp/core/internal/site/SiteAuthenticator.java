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

/**
 * The login policy of one site (DESIGN section 5): the user stores in ranking order, site
 * membership, the per-user protocol allowance, and the failure ban.
 */
final class SiteAuthenticator implements Authenticator {

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

    @Override
    public Result login(String name, char[] password, SessionProtocol protocol, InetAddress client) {
        if (guard.banned(client)) {
            return new Result(LoginOutcome.BANNED, Optional.empty());
        }
        Optional<FtpUser> user = Optional.empty();
        for (UserStore store : stores.get()) {
            user = store.authenticate(name, password);
            if (user.isPresent()) {
                break;
            }
        }
        if (user.isEmpty() || !user.get().mayUseSite(site)) {
            LoginOutcome outcome = guard.failed(client) ? LoginOutcome.BANNED : LoginOutcome.REJECTED;
            return new Result(outcome, Optional.empty());
        }
        if (!user.get().protocols().contains(protocol)) {
            return new Result(LoginOutcome.PROTOCOL_NOT_ALLOWED, Optional.empty());
        }
        guard.succeeded(client);
        return new Result(LoginOutcome.SUCCESS, user);
    }
}
