package ftp.core.internal.data;

import java.io.FileDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps what a download's socket holds that TCP has not sent yet: Linux's {@code TCP_NOTSENT_LOWAT}.
 * Without it a socket reports writable while megabytes wait in its buffer (autotuning grows it to
 * {@code tcp_wmem}'s 4 MiB), and whoever processes the peer's next window update transmits them.
 * Over a network card that is the kernel's softirq; over loopback it is the receiving process: a
 * profile of 100 simultaneous 10 MiB downloads by one client process showed 44 % of that client's
 * CPU in softirqs sending our queued data on its own ACKs (10 % against pyftpdlib, which writes
 * 64 KiB at a time), and the cell took 0.35-0.46 s against 0.24-0.31 s with the cap. The bytes in
 * flight stay the congestion window's, so a long fat network loses nothing, and the kernel memory
 * of a stalled download is its window plus the cap, not 4 MiB.
 *
 * <p>Java has no such option ({@code jdk.net.ExtendedSocketOptions} up to JDK 25 neither), so the
 * JDK's own {@code setsockopt} is called through {@code sun.nio.ch}: it takes a JVM started with
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (the standalone jar's manifest has it). Without
 * that, or off Linux, downloads keep the kernel's default and one INFO line says so.
 */
final class UnsentLimit {

    private static final Logger LOG = LoggerFactory.getLogger(UnsentLimit.class);

    /**
     * 256 KiB: in the 100-download probe 128 KiB-512 KiB did equally well and 1 MiB gave back half of
     * the gain; a 10 Gbit/s link drains it in 0.2 ms, several pump rounds. The socket reports
     * writable again once less than half of it is left.
     */
    static final int BYTES = 256 << 10;

    private static final int IPPROTO_TCP = 6;
    /** {@code <linux/tcp.h>}, since Linux 3.12. */
    private static final int TCP_NOTSENT_LOWAT = 25;

    private static final Native NATIVE = Native.resolve();

    private UnsentLimit() {
    }

    /** Whether {@link #apply} can set the option in this JVM. */
    static boolean available() {
        return NATIVE != null;
    }

    /**
     * Sets the cap on a connected socket where this JVM can; where it cannot, or the kernel refuses,
     * the transfer goes on with the default. The socket must stay open, or registered with a
     * selector, until this returns: the JDK keeps a closed channel's descriptor number, and the
     * kernel may have given it to another socket already.
     */
    static void apply(SocketChannel socket) {
        if (NATIVE != null) {
            NATIVE.set(socket, BYTES);
        }
    }

    /** The JDK's socket-option calls, reached past the module boundary. */
    private record Native(Class<?> channels, Method fd, Method set) {

        static Native resolve() {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                LOG.info("Downloads keep the kernel's default of unsent bytes: TCP_NOTSENT_LOWAT is set on Linux only");
                return null;
            }
            try {
                Class<?> channels = Class.forName("sun.nio.ch.SocketChannelImpl", false, null);
                Class<?> net = Class.forName("sun.nio.ch.Net", false, null);
                Method fd = channels.getMethod("getFD");
                Method set = net.getDeclaredMethod("setIntOption0", FileDescriptor.class, boolean.class, int.class,
                        int.class, int.class, boolean.class);
                fd.setAccessible(true);
                set.setAccessible(true);
                return new Native(channels, fd, set);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // InaccessibleObjectException without the --add-opens; another JDK's internals otherwise
                LOG.info("Downloads keep the kernel's default of unsent bytes (TCP_NOTSENT_LOWAT not set): start "
                        + "the JVM with --add-opens java.base/sun.nio.ch=ALL-UNNAMED to cap them ({})", e.toString());
                return null;
            }
        }

        void set(SocketChannel socket, int bytes) {
            if (!channels.isInstance(socket)) {
                return; // another provider's channel: not ours to reach into
            }
            try {
                set.invoke(null, fd.invoke(socket), false, IPPROTO_TCP, TCP_NOTSENT_LOWAT, bytes, false);
            } catch (InvocationTargetException e) {
                // a kernel before 3.12 (ENOPROTOOPT): the default stays
                LOG.debug("TCP_NOTSENT_LOWAT on {}: {}", socket, e.getCause().toString());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("accessible since resolve()", e);
            }
        }
    }
}
