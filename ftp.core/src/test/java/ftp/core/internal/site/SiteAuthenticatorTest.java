package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ftp.core.api.FtpUser;
import ftp.core.api.LoginOutcome;
import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;
import ftp.core.api.UserStore;

class SiteAuthenticatorTest {

    static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

    static UserStore store(String name, String password, Set<String> sites, Set<SessionProtocol> protocols) {
        FtpUser user = new FtpUser(name, name, sites, protocols, EnumSet.allOf(Permission.class));
        return (n, p) -> n.equals(name) && new String(p).equals(password) ? Optional.of(user) : Optional.empty();
    }

    static SiteAuthenticator authenticator(List<UserStore> stores) {
        return new SiteAuthenticator("main", () -> stores, new LoginGuard(3, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    @Test
    void theAllowanceIsCheckedAgainstTheSessionProtocol() {
        for (SessionProtocol allowed : SessionProtocol.values()) {
            SiteAuthenticator auth = authenticator(List.of(store("u", "pw", Set.of("*"), Set.of(allowed))));
            for (SessionProtocol session : SessionProtocol.values()) {
                LoginOutcome expected = session == allowed ? LoginOutcome.SUCCESS : LoginOutcome.PROTOCOL_NOT_ALLOWED;
                assertEquals(expected, auth.login("u", "pw".toCharArray(), session, CLIENT).outcome(),
                        "allowance " + allowed + ", session " + session);
            }
        }
    }

    @Test
    void usersOfOtherSitesAreRejectedLikeWrongPasswords() {
        SiteAuthenticator auth = authenticator(List.of(store("u", "pw", Set.of("other"), EnumSet.allOf(SessionProtocol.class))));
        assertEquals(LoginOutcome.REJECTED, auth.login("u", "pw".toCharArray(), SessionProtocol.FTP, CLIENT).outcome());
        SiteAuthenticator member = authenticator(List.of(store("u", "pw", Set.of("main"), EnumSet.allOf(SessionProtocol.class))));
        assertEquals(LoginOutcome.SUCCESS, member.login("u", "pw".toCharArray(), SessionProtocol.FTP, CLIENT).outcome());
    }

    @Test
    void everyStoreIsAskedInOrder() {
        SiteAuthenticator auth = authenticator(List.of(
                store("a", "pa", Set.of("*"), EnumSet.allOf(SessionProtocol.class)),
                store("b", "pb", Set.of("*"), EnumSet.allOf(SessionProtocol.class))));
        assertEquals("b", auth.login("b", "pb".toCharArray(), SessionProtocol.FTP, CLIENT).user().orElseThrow().name());
    }

    @Test
    void theThirdFailureBansAndABannedAddressCannotLogInEvenWithTheRightPassword() {
        SiteAuthenticator auth = authenticator(List.of(store("u", "pw", Set.of("*"), EnumSet.allOf(SessionProtocol.class))));
        assertEquals(LoginOutcome.REJECTED, auth.login("u", "x".toCharArray(), SessionProtocol.FTP, CLIENT).outcome());
        assertEquals(LoginOutcome.REJECTED, auth.login("u", "x".toCharArray(), SessionProtocol.FTP, CLIENT).outcome());
        assertEquals(LoginOutcome.BANNED, auth.login("u", "x".toCharArray(), SessionProtocol.FTP, CLIENT).outcome());
        assertEquals(LoginOutcome.BANNED, auth.login("u", "pw".toCharArray(), SessionProtocol.FTP, CLIENT).outcome());
    }
}
