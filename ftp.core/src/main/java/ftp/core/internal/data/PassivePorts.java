package ftp.core.internal.data;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.util.Random;

/**
 * The passive port range of a site. A port is taken by binding it; the operating system is the
 * only bookkeeper, so two sessions (or two sites) never share a listener. The search starts at a
 * random port so that the next port is not predictable.
 */
public final class PassivePorts {

    private final int low;
    private final int high;
    private final Random random = new SecureRandom();

    public PassivePorts(int low, int high) {
        this.low = low;
        this.high = high;
    }

    /** Binds a listener on a free port of the range. @throws BindException when every port is taken */
    public ServerSocketChannel bind(InetAddress address) throws IOException {
        int count = high - low + 1;
        int start = random.nextInt(count);
        for (int i = 0; i < count; i++) {
            int port = low + (start + i) % count;
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(address, port), 1);
                return channel;
            } catch (BindException e) {
                channel.close();
            }
        }
        throw new BindException("all passive ports " + low + "-" + high + " are in use");
    }
}
