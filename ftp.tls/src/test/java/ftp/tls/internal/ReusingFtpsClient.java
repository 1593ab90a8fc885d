package ftp.tls.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPSClient;

/**
 * Commons Net's FTPSClient made to resume the control session on data connections, as servers
 * that require reuse expect (vsftpd, ProFTPD, this one). JSSE clients look sessions up by the host
 * string and port a socket was created with, and a data connection has another port, so the
 * control connection's cached session is copied under the data connection's key: the common
 * workaround (commons-net NET-408). It reaches into JDK internals, so the tests that use it need
 * {@code --add-opens java.base/sun.security.ssl} and {@code java.base/sun.security.util}. Test
 * code only: the server needs nothing of the kind.
 */
final class ReusingFtpsClient extends FTPSClient {

    private List<String> previousDataKeys = List.of();

    ReusingFtpsClient(boolean implicit) {
        super("TLS", implicit);
    }

    @Override
    protected void _prepareDataSocket_(Socket socket) throws IOException {
        if (!(socket instanceof SSLSocket) || !(_socket_ instanceof SSLSocket control)) {
            return;
        }
        SSLSessionContext context = control.getSession().getSessionContext();
        try {
            Field field = context.getClass().getDeclaredField("sessionHostPortCache");
            field.setAccessible(true);
            Object cache = field.get(context);
            Method get = cache.getClass().getDeclaredMethod("get", Object.class);
            Method put = cache.getClass().getDeclaredMethod("put", Object.class, Object.class);
            get.setAccessible(true);
            put.setAccessible(true);
            // TLS 1.3 tickets are used once: the newest comes from the previous data connection.
            List<String> candidates = new ArrayList<>(previousDataKeys);
            candidates.addAll(keys(control));
            Object resumable = null;
            for (String key : candidates) {
                resumable = resumable != null ? resumable : get.invoke(cache, key);
            }
            if (resumable != null) {
                for (String key : keys(socket)) {
                    put.invoke(cache, key, resumable);
                }
            }
            previousDataKeys = keys(socket);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot copy the control session in the client cache", e);
        }
    }

    /**
     * The keys JSSE may have used: the host string a socket was created with (a name or an
     * address, depending on how the client connected) and the port.
     */
    private static List<String> keys(Socket socket) {
        return List.of(socket.getInetAddress().getHostName(), socket.getInetAddress().getHostAddress()).stream()
                .map(host -> (host + ":" + socket.getPort()).toLowerCase(Locale.ENGLISH)).distinct().toList();
    }
}
