package ftp.core.internal.data;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.DataConnections;
import ftp.core.api.DataTransfer;
import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import ftp.core.internal.fs.FileErrors;

/**
 * The data connection of one session: a passive listener or an active target, used by the
 * next transfer and then closed. Transfers run on the site's transfer executor; the control
 * connection stays free for ABOR, STAT and QUIT.
 */
public final class SessionDataConnections implements DataConnections {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDataConnections.class);

    private final TransferHost host;
    private final PassivePorts ports;
    private final ExecutorService transfers;
    private final ExecutorService flushes;
    private final SendfilePump pump;
    private final TransferWatchdog watchdog;
    private final ReentrantLock lock = new ReentrantLock();

    private ServerSocketChannel listener;
    private InetSocketAddress activeTarget;
    private boolean extendedPassiveOnly;
    /** Set when the control connection ended: commands still queued then prepare nothing. Guarded by lock. */
    private boolean closed;
    private volatile Running running;

    /**
     * @param flushes runs the background flushes of uploads on durable sites
     * @param pump sends files to plain data connections
     */
    public SessionDataConnections(TransferHost host, PassivePorts ports, ExecutorService transfers,
            ExecutorService flushes, SendfilePump pump, TransferWatchdog watchdog) {
        this.host = host;
        this.ports = ports;
        this.transfers = transfers;
        this.flushes = flushes;
        this.pump = pump;
        this.watchdog = watchdog;
    }

    @Override
    public InetSocketAddress passive() throws IOException {
        lock.lock();
        try {
            reset();
            if (closed) {
                throw new ReplyException(421, "The control connection is closing");
            }
            InetAddress local = host.localAddress().getAddress();
            try {
                listener = ports.bind(local);
            } catch (IOException e) {
                LOG.warn("Site {}: no passive port free for {}: {}", host.settings().name(), host.remoteAddress(), e.getMessage());
                throw new ReplyException(425, "Can't open data connection: no passive port free");
            }
            InetAddress announced = PassiveAddressPolicy.choose(host.settings().passive(),
                    host.remoteAddress().getAddress(), local, host.controlProtected());
            return new InetSocketAddress(announced, ((InetSocketAddress) listener.getLocalAddress()).getPort());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void active(InetSocketAddress target) throws ReplyException {
        lock.lock();
        try {
            if (extendedPassiveOnly) {
                throw new ReplyException(501, "Only EPSV is allowed after EPSV ALL");
            }
            InetAddress client = host.remoteAddress().getAddress();
            InetAddress address = host.settings().passive().portUseControlIp() ? client : target.getAddress();
            if (!address.equals(client)) {
                throw new ReplyException(501, "Refused: data connections go only to the client's own address "
                        + client.getHostAddress());
            }
            if (target.getPort() < 1024) {
                throw new ReplyException(501, "Refused: data ports below 1024 are not allowed");
            }
            reset();
            activeTarget = new InetSocketAddress(address, target.getPort());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void restrictToExtendedPassive() {
        lock.lock();
        try {
            extendedPassiveOnly = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean extendedPassiveOnly() {
        return extendedPassiveOnly;
    }

    @Override
    public boolean prepared() {
        lock.lock();
        try {
            return listener != null || activeTarget != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean transferring() {
        return running != null;
    }

    @Override
    public long bytesTransferred() {
        Running current = running;
        SocketDataChannel channel = current == null ? null : current.channel;
        return current == null ? -1 : channel == null ? 0 : channel.transferred();
    }

    @Override
    public void transfer(String opening, Direction direction, DataTransfer transfer) {
        start(opening, direction, null, transfer);
    }

    @Override
    public void transfer(String opening, Direction direction, VirtualFile file, DataTransfer transfer) {
        start(opening, direction, file, transfer);
    }

    /** @param file the file of a file transfer, recorded when it ends; null for a listing */
    private void start(String opening, Direction direction, VirtualFile file, DataTransfer transfer) {
        Optional<TransferHost.DataProtector> protector = host.dataProtector();
        if (protector.isEmpty() && host.settings().tls().forceStartTls()) {
            lock.lock();
            try {
                reset();
            } finally {
                lock.unlock();
            }
            transfer.abandoned();
            host.reply(Reply.of(521, "Data connections must be protected on this site: send PROT P"));
            return;
        }
        ServerSocketChannel passive;
        InetSocketAddress active;
        Running current = new Running();
        lock.lock();
        try {
            passive = listener;
            active = activeTarget;
            listener = null;
            activeTarget = null;
            if (closed) {
                close(passive);
                transfer.abandoned();
                return;
            }
            if (passive == null && active == null) {
                transfer.abandoned();
                host.reply(Reply.of(425, "Use PASV, EPSV or PORT first"));
                return;
            }
            running = current;
        } finally {
            lock.unlock();
        }
        try {
            transfers.execute(() -> run(current, passive, active, protector, direction, file, opening, transfer));
        } catch (RejectedExecutionException e) {
            transfer.abandoned();
            close(passive);
            finish(current, Reply.of(425, "Can't open data connection: server is shutting down"));
        }
    }

    private void run(Running current, ServerSocketChannel passive, InetSocketAddress active,
            Optional<TransferHost.DataProtector> protector, Direction direction, VirtualFile file, String opening,
            DataTransfer transfer) {
        boolean upload = direction == Direction.UPLOAD;
        Instant started = null;
        long startNanos = 0;
        Reply result;
        SocketChannel socket = null;
        boolean ran = false;
        try {
            Socket tls;
            try {
                current.pending(passive);
                socket = passive != null ? accept(passive) : connect(current, active);
                current.pending(socket);
                if (current.aborted) {
                    throw new IOException("aborted");
                }
                // Clients (ftplib, Commons Net, curl) start the data handshake after 150, so 150 comes
                // first; the command touches its file only after the handshake (no 0-byte uploads on 522).
                host.reply(Reply.of(150, opening));
                tls = protector.isPresent() ? handshake(protector.get(), socket, upload) : null;
            } catch (IOException e) {
                throw current.aborted ? new IOException("aborted", e) : e;
            }
            current.channel = new SocketDataChannel(socket, tls, host.settings().transfers().durable() ? flushes : null,
                    pump);
            if (current.aborted) {
                throw new IOException("aborted");
            }
            watchdog.watch(current.channel);
            started = Instant.now();
            startNanos = System.nanoTime();
            ran = true;
            result = transfer.run(current.channel);
            current.channel.finish();
        } catch (ReplyException e) {
            result = e.reply();
        } catch (SocketTimeoutException e) {
            result = Reply.of(425, "Can't open data connection: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            result = failure(current, socket, opening, e);
        } finally {
            if (!ran) {
                transfer.abandoned(); // whatever kept it from running (a listing closes its directory)
            }
            close(passive);
            if (current.channel != null) {
                watchdog.forget(current.channel);
                current.channel.close();
            } else if (socket != null) {
                close(socket);
            }
        }
        try {
            if (file != null && started != null) {
                host.transferred(file, direction, current.channel.transferred(), started,
                        Duration.ofNanos(System.nanoTime() - startNanos), result.code() / 100 == 2);
            }
        } catch (RuntimeException e) {
            LOG.warn("Site {}: transfer of {} not recorded: {}", host.settings().name(), file.path(), e.toString());
        } finally {
            finish(current, result);
        }
    }

    /** The reply for a transfer that failed; never the exception's text, which holds native paths. */
    private Reply failure(Running current, SocketChannel socket, String opening, Exception e) {
        if (current.aborted) {
            return Reply.of(426, "Connection closed; transfer aborted");
        }
        if (current.channel != null && current.channel.stalled()) {
            return Reply.of(426, "Connection closed; no data moved for " + host.settings().limits().dataTimeout().toSeconds() + " s");
        }
        if (socket == null || current.channel == null) {
            LOG.info("Site {}: {}: data connection failed ({}): {}", host.settings().name(), host.remoteAddress(),
                    opening, e.toString());
            return Reply.of(425, "Can't open data connection");
        }
        if (e instanceof RuntimeException) {
            LOG.error("Site {}: transfer for {} failed ({})", host.settings().name(), host.remoteAddress(), opening, e);
            return Reply.of(451, "Requested action aborted: local error in processing");
        }
        IOException io = (IOException) e;
        if (FileErrors.local(io)) {
            LOG.warn("Site {}: session {} user {}: {} failed: {}", host.settings().name(), host.remoteAddress(),
                    host.userName(), opening, io.toString());
            return FileErrors.reply(io);
        }
        LOG.info("Site {}: session {}: {}: connection closed: {}", host.settings().name(), host.remoteAddress(), opening,
                io.toString());
        return Reply.of(426, "Connection closed; transfer aborted");
    }

    private void finish(Running current, Reply result) {
        host.reply(result);
        running = null;
        current.done.countDown();
        host.transferEnded();
    }

    /** Accepts the data connection, but only from the control connection's client (no stolen transfers). */
    private SocketChannel accept(ServerSocketChannel passive) throws IOException {
        InetAddress client = host.remoteAddress().getAddress();
        long timeout = host.settings().limits().dataTimeout().toMillis();
        long deadline = System.currentTimeMillis() + timeout;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("no connection within " + timeout / 1000 + " s");
            }
            passive.socket().setSoTimeout((int) left);
            Socket accepted = passive.socket().accept();
            SocketChannel channel = accepted.getChannel();
            if (((InetSocketAddress) channel.getRemoteAddress()).getAddress().equals(client)) {
                return channel;
            }
            LOG.warn("Site {}: refused data connection from {} on a passive port of {}", host.settings().name(),
                    channel.getRemoteAddress(), host.remoteAddress());
            close(channel);
        }
    }

    /**
     * The data connection's TLS handshake, bounded by {@code limits.dataTimeout}: a client that
     * never sends its ClientHello no longer holds the session (and a transfer thread) for ever.
     */
    private Socket handshake(TransferHost.DataProtector protector, SocketChannel socket, boolean upload)
            throws IOException {
        socket.socket().setSoTimeout((int) host.settings().limits().dataTimeout().toMillis());
        Socket tls = protector.protect(socket.socket(), upload);
        socket.socket().setSoTimeout(0); // from here on the watchdog judges stalls
        return tls;
    }

    private SocketChannel connect(Running current, InetSocketAddress target) throws IOException {
        SocketChannel channel = SocketChannel.open();
        current.pending(channel);
        try {
            channel.bind(new InetSocketAddress(host.localAddress().getAddress(), 0));
            channel.socket().connect(target, (int) host.settings().limits().dataTimeout().toMillis());
            return channel;
        } catch (IOException e) {
            close(channel);
            throw e;
        }
    }

    /**
     * ABOR: ends the transfer at once, also one still waiting for its data connection to be
     * accepted, connected or handshaken, and waits (briefly, since nothing blocks any more) for
     * its 426 to be sent first.
     */
    @Override
    public boolean abort() {
        Running current = cancel(false);
        if (current == null) {
            return false;
        }
        try {
            // The 426 of the transfer goes out before the reply to ABOR (RFC 959 section 4.1.3).
            current.done.await(host.settings().limits().dataTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Closes a prepared passive listener and forgets an active target. Call with the lock held. */
    private void reset() {
        close(listener);
        listener = null;
        activeTarget = null;
    }

    /** Stops whatever runs or waits, without waiting: the caller is MINA's I/O thread. */
    private Running cancel(boolean closing) {
        Running current;
        lock.lock();
        try {
            current = running; // read under the lock: transfer() sets it there
            closed |= closing;
            reset();
        } finally {
            lock.unlock();
        }
        if (current == null) {
            return null;
        }
        current.aborted = true;
        current.cancel();
        return current;
    }

    /**
     * Closes everything when the control connection ends, at once and without waiting for the
     * transfer: it runs on a MINA I/O thread (a wait there stalled every session of the site).
     */
    public void shutdown() {
        cancel(true);
    }

    private static void close(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** One transfer under way. */
    private static final class Running {
        final CountDownLatch done = new CountDownLatch(1);
        volatile SocketDataChannel channel;
        volatile boolean aborted;
        /** What the transfer is blocked on before its channel exists: the listener, the socket. */
        private volatile java.io.Closeable pending;

        /** Records what to close on a cancel; closes it at once when the cancel came first. */
        void pending(java.io.Closeable resource) {
            pending = resource;
            if (aborted) {
                close(resource);
            }
        }

        void cancel() {
            java.io.Closeable blocked = pending;
            if (blocked instanceof SocketChannel socket) {
                try {
                    // wakes a read blocked in the TLS handshake at once, as it wakes sendfile
                    socket.shutdownInput();
                    socket.shutdownOutput();
                } catch (IOException notConnected) {
                    // closed below anyway
                }
            }
            close(blocked);
            SocketDataChannel open = channel;
            if (open != null) {
                open.close();
            }
        }
    }
}
