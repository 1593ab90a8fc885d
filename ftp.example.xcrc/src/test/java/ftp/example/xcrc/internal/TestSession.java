package ftp.example.xcrc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ftp.core.api.FileSystemView;
import ftp.core.api.FtpCommand;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.FtpUser;
import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.SessionProtocol;
import ftp.core.api.VirtualFile;

/**
 * An {@link FtpSession} for unit tests, built from the SPI alone: a logged-in user with chosen
 * permissions, files under a directory, and the replies recorded. Every other method throws.
 */
final class TestSession {

    final List<Reply> replies = new ArrayList<>();
    final FtpSession session;

    TestSession(Path root, Set<Permission> permissions) {
        FtpUser user = new FtpUser("tester", "", Set.of("*"), Set.of(SessionProtocol.FTP), permissions);
        // Proxies rather than implementations: FtpSession and FileSystemView are provider types,
        // which may gain methods in a minor version of the SPI.
        FileSystemView files = proxy(FileSystemView.class, (proxy, method, args) -> {
            if (method.getName().equals("open")) {
                @SuppressWarnings("unchecked")
                Set<java.nio.file.OpenOption> options = (Set<java.nio.file.OpenOption>) args[1];
                return java.nio.channels.FileChannel.open(((VirtualFile) args[0]).file(), options);
            }
            if (!method.getName().equals("resolve")) {
                throw new UnsupportedOperationException(method.getName());
            }
            String relative = ((String) args[0]).startsWith("/") ? ((String) args[0]).substring(1) : (String) args[0];
            return new VirtualFile("/" + relative, root.resolve(relative));
        });
        session = proxy(FtpSession.class, (proxy, method, args) -> {
            if (method.getName().equals("reply") && args.length == 1) {
                replies.add((Reply) args[0]);
                return null;
            }
            if (method.getName().equals("user")) {
                return Optional.of(user);
            }
            if (method.getName().equals("files")) {
                return files;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(TestSession.class.getClassLoader(), new Class<?>[] { type }, handler));
    }

    /** Runs {@code verb argument} and returns the one reply it sent, as the client reads it. */
    String run(FtpCommand command, String verb, String argument) throws Exception {
        replies.clear();
        command.execute(new FtpRequest(verb, argument), session);
        if (replies.size() != 1) {
            throw new AssertionError("expected one reply, got " + replies);
        }
        return replies.get(0).toString();
    }
}
