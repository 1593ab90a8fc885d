package ftp.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendfilePumpTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> open = new ArrayList<>();
    private SendfilePump pump;
    private byte[] content;
    private FileChannel file;

    @BeforeEach
    void file() throws IOException {
        pump = new SendfilePump(1, Thread::new);
        content = new byte[8 * MIB];
        new Random(7).nextBytes(content);
        Path path = Files.write(dir.resolve("eight.bin"), content);
        file = FileChannel.open(path);
        open.add(file);
    }

    @AfterEach
    void close() throws Exception {
        pump.close();
        threads.shutdownNow();
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** The sending end (blocking, as the data connections are) and the client's end. */
    private SocketChannel[] connection() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open();
            client.setOption(StandardSocketOptions.SO_RCVBUF, 16 << 10); // the sender waits for it often
            client.connect(listener.getLocalAddress());
            SocketChannel server = listener.accept();
            server.setOption(StandardSocketOptions.SO_SNDBUF, 16 << 10);
            open.add(client);
            open.add(server);
            return new SocketChannel[] { server, client };
        }
    }

    private Future<byte[]> readAll(SocketChannel client) {
        return threads.submit(() -> {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (client.read(buffer.clear()) >= 0) {
                received.write(buffer.array(), 0, buffer.position());
            }
            return received.toByteArray();
        });
    }

    private <T> T within(Future<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void sendsTheRangeThroughASmallSocketBufferAndGivesTheSocketBack() throws Exception {
        SocketChannel[] connection = connection();
        Future<byte[]> received = readAll(connection[1]);
        AtomicLong progress = new AtomicLong();
        long start = 1000;
        long end = content.length - 7;

        long sent = within(threads.submit(() -> pump.prepare(file, start, end, connection[0], progress::addAndGet).run()));

        assertEquals(end - start, sent);
        assertEquals(end - start, progress.get(), "every chunk reported");
        assertTrue(connection[0].isBlocking(), "blocking again");
        assertFalse(connection[0].isRegistered(), "off the selector");
        connection[0].shutdownOutput();
        assertArrayEquals(Arrays.copyOfRange(content, (int) start, (int) end), within(received));
    }

    /**
     * A download leaves at most {@link UnsentLimit#BYTES} unsent in its socket (TCP_NOTSENT_LOWAT, read
     * back from the kernel; the surefire JVM opens sun.nio.ch as the standalone jar's manifest does).
     */
    @Test
    void capsTheBytesItsSocketsHoldUnsent() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "TCP_NOTSENT_LOWAT is Linux's");
        SocketChannel[] connection = connection();
        Future<byte[]> received = readAll(connection[1]);
        assertEquals(0, notSentLowat(connection[0]), "unset: the kernel's default");

        within(threads.submit(() -> pump.prepare(file, 0, 10, connection[0], n -> { }).run()));

        assertEquals(UnsentLimit.BYTES, notSentLowat(connection[0]));
        connection[0].shutdownOutput();
        assertArrayEquals(Arrays.copyOf(content, 10), within(received));
    }

    /**
     * A descriptor's number outlives its channel's close: a send whose socket an ABOR closed before
     * it began must leave alone the socket that took the number over.
     */
    @Test
    void aClosedSocketsSendLeavesTheSocketThatTookItsNumberAlone() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "TCP_NOTSENT_LOWAT is Linux's");
        SocketChannel[] connection = connection();
        int number = descriptor(connection[0]);
        connection[0].close();
        SocketChannel taker = null;
        for (int i = 0; i < 256 && taker == null; i++) { // Linux hands out the lowest free number
            SocketChannel opened = SocketChannel.open();
            open.add(opened);
            taker = descriptor(opened) == number ? opened : null;
        }
        assumeTrue(taker != null, "another thread took the number first");

        Callable<Long> send = () -> pump.prepare(file, 0, 10, connection[0], n -> { }).run();

        assertInstanceOf(ClosedChannelException.class, failure(threads.submit(send)));
        assertEquals(0, notSentLowat(taker), "the other socket keeps the kernel's default");
    }

    private static int descriptor(SocketChannel socket) throws ReflectiveOperationException {
        Method value = socket.getClass().getMethod("getFDVal");
        value.setAccessible(true);
        return (int) value.invoke(socket);
    }

    private static int notSentLowat(SocketChannel socket) throws ReflectiveOperationException {
        Method fd = socket.getClass().getMethod("getFD");
        Method get = Class.forName("sun.nio.ch.Net").getDeclaredMethod("getIntOption0", FileDescriptor.class,
                boolean.class, int.class, int.class);
        fd.setAccessible(true);
        get.setAccessible(true);
        return (int) get.invoke(null, fd.invoke(socket), false, 6 /* IPPROTO_TCP */, 25 /* TCP_NOTSENT_LOWAT */);
    }

    /** The clients read only once every send has moved bytes: one send after the other would never end. */
    @Test
    void oneThreadServesManyConnectionsAtOnce() throws Exception {
        List<Future<Long>> sends = new ArrayList<>();
        List<Future<byte[]>> received = new ArrayList<>();
        List<SocketChannel> servers = new ArrayList<>();
        CountDownLatch allMoving = new CountDownLatch(16);
        for (int i = 0; i < 16; i++) {
            SocketChannel[] connection = connection();
            received.add(threads.submit(() -> {
                assertTrue(allMoving.await(20, TimeUnit.SECONDS), "every send moved bytes before any client read");
                return readAll(connection[1]).get();
            }));
            servers.add(connection[0]);
            long from = i * 256L << 10;
            AtomicBoolean moved = new AtomicBoolean();
            LongConsumer progress = n -> {
                if (!moved.getAndSet(true)) {
                    allMoving.countDown();
                }
            };
            sends.add(threads.submit(() -> pump.prepare(file, from, from + 2 * MIB, connection[0], progress).run()));
        }
        for (int i = 0; i < 16; i++) {
            assertEquals(2 * MIB, within(sends.get(i)));
            servers.get(i).shutdownOutput();
            int from = i * 256 << 10;
            assertArrayEquals(Arrays.copyOfRange(content, from, from + 2 * MIB), within(received.get(i)), "connection " + i);
        }
    }

    @Test
    void aFileShorterThanTheRangeEndsTheSend() throws Exception {
        SocketChannel[] connection = connection();
        Future<byte[]> received = readAll(connection[1]);

        long sent = within(threads.submit(() -> pump.prepare(file, 0, 3L * content.length, connection[0], n -> { }).run()));

        assertEquals(content.length, sent);
        connection[0].shutdownOutput();
        assertArrayEquals(content, within(received));
    }

    @Test
    void aRangeStartingAtOrPastTheEndSendsNothing() throws Exception {
        SocketChannel[] connection = connection();
        Future<byte[]> received = readAll(connection[1]);

        assertEquals(0, within(threads.submit(() -> pump.prepare(file, content.length, content.length, connection[0], n -> { }).run())));
        assertEquals(0, within(threads.submit(() -> pump.prepare(file, content.length + 10L, content.length, connection[0], n -> { }).run())));

        connection[0].shutdownOutput();
        assertEquals(0, within(received).length);
    }

    @Test
    void aFileTruncatedDuringTheSendEndsItAtTheNewEnd() throws Exception {
        SocketChannel[] connection = connection();
        Path path = Files.write(dir.resolve("shrinking.bin"), content);
        try (FileChannel shrinking = FileChannel.open(path); FileChannel writer = FileChannel.open(path, StandardOpenOption.WRITE)) {
            AtomicLong progress = new AtomicLong();
            Future<Long> running = threads.submit(() -> pump.prepare(shrinking, 0, content.length, connection[0], progress::addAndGet).run());
            await(() -> progress.get() > 0); // under way; the client has not read yet, so little has moved
            writer.truncate(MIB);
            Future<byte[]> received = readAll(connection[1]);

            assertEquals(MIB, within(running));
            connection[0].shutdownOutput();
            assertArrayEquals(Arrays.copyOf(content, MIB), within(received));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }

    /** A client that stopped reading: the send waits on the selector, not in sendfile. */
    private Future<Long> stuck(SocketChannel[] connection, AtomicReference<SendfilePump.Send> send) throws Exception {
        AtomicLong progress = new AtomicLong();
        AtomicBoolean started = new AtomicBoolean();
        send.set(pump.prepare(file, 0, content.length, connection[0], progress::addAndGet));
        Future<Long> running = threads.submit(() -> {
            started.set(true);
            return send.get().run();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long seen = -1;
        while (!started.get() || progress.get() == 0 || progress.get() != seen) {
            assertTrue(System.nanoTime() < deadline, "the send never filled the socket: " + running);
            seen = progress.get();
            Thread.sleep(50); // until the socket buffers are full and nothing moves
        }
        assertFalse(running.isDone(), "still waiting for the client");
        return running;
    }

    private static Throwable failure(Future<?> future) throws Exception {
        return assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void cancelEndsASendWaitingForTheClientAndClosesTheSocket() throws Exception {
        SocketChannel[] connection = connection();
        AtomicReference<SendfilePump.Send> send = new AtomicReference<>();
        Future<Long> running = stuck(connection, send);

        send.get().cancel();

        assertInstanceOf(AsynchronousCloseException.class, failure(running));
        assertFalse(connection[0].isOpen());
    }

    @Test
    void anInterruptedSendClosesItsConnection() throws Exception {
        SocketChannel[] connection = connection();
        AtomicReference<SendfilePump.Send> send = new AtomicReference<>();
        AtomicReference<Thread> sender = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        AtomicLong progress = new AtomicLong();
        Future<Long> running = threads.submit(() -> {
            sender.set(Thread.currentThread());
            try {
                return pump.prepare(file, 0, content.length, connection[0], progress::addAndGet).run();
            } finally {
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        await(() -> progress.get() > 0);
        Thread.sleep(200); // the buffers fill: the send now waits on the selector

        sender.get().interrupt();

        assertInstanceOf(ClosedByInterruptException.class, failure(running));
        assertFalse(connection[0].isOpen());
        assertTrue(interruptedAfter.get(), "the interrupt is kept for the caller");
    }

    @Test
    void aClientThatResetsTheConnectionFailsTheSend() throws Exception {
        SocketChannel[] connection = connection();
        AtomicReference<SendfilePump.Send> send = new AtomicReference<>();
        Future<Long> running = stuck(connection, send);

        connection[1].setOption(StandardSocketOptions.SO_LINGER, 0);
        connection[1].close(); // RST

        Throwable failure = failure(running);
        assertInstanceOf(IOException.class, failure);
        assertFalse(failure instanceof AsynchronousCloseException, "the reset itself, not a close: " + failure);
    }

    @Test
    void closingThePumpFailsItsSendsAndRefusesNewOnes() throws Exception {
        SocketChannel[] connection = connection();
        AtomicReference<SendfilePump.Send> send = new AtomicReference<>();
        Future<Long> running = stuck(connection, send);

        pump.close();

        assertInstanceOf(AsynchronousCloseException.class, failure(running));
        SocketChannel[] next = connection();
        Callable<Long> later = () -> pump.prepare(file, 0, 10, next[0], n -> { }).run();
        assertInstanceOf(AsynchronousCloseException.class, failure(threads.submit(later)));
    }
}
