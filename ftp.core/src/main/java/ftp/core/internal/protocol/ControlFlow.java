package ftp.core.internal.protocol;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

import org.apache.mina.core.session.IoSession;

/**
 * Back-pressure on one control connection (DESIGN section 10): a client that does not read its
 * replies, or pipelines faster than its commands run, costs a bounded amount of memory and no
 * thread.
 *
 * <p>While the replies written and not yet sent exceed {@value #MAX_UNSENT_REPLIES} or
 * {@value #HIGH_WATER} bytes, the session runs no further command and reads no further line;
 * both resume once the client has taken all but {@value #RESUME_REPLIES} replies and
 * {@value #LOW_WATER} bytes. While more than {@value #MAX_BACKLOG} lines wait to be handled,
 * reading stops too. So a session holds at most one read buffer of lines, the backlog and one
 * reply beyond the bounds. (The counts also keep MINA's TLS handler, which refuses a 65th queued
 * write, from overflowing.)
 */
final class ControlFlow {

    static final int MAX_UNSENT_REPLIES = 32;
    static final int RESUME_REPLIES = 8;
    static final long HIGH_WATER = 64 * 1024;
    static final long LOW_WATER = 16 * 1024;
    static final int MAX_BACKLOG = 32;

    private final IoSession io;
    private final SerialExecutor commands;
    private final IntSupplier waiting;
    private final ReentrantLock lock = new ReentrantLock();
    private int unsent;
    private boolean writesBlocked;
    private boolean readSuspended;

    /**
     * @param commands the session's command executor, paused while replies are not taken
     * @param waiting the commands parked until a transfer ends
     */
    ControlFlow(IoSession io, SerialExecutor commands, IntSupplier waiting) {
        this.io = io;
        this.commands = commands;
        this.waiting = waiting;
    }

    /** After each reply written. */
    void written() {
        lock.lock();
        try {
            unsent++;
            if (!writesBlocked && (unsent > MAX_UNSENT_REPLIES || io.getScheduledWriteBytes() > HIGH_WATER)) {
                writesBlocked = true;
                commands.pause();
            }
            updateReading();
        } finally {
            lock.unlock();
        }
    }

    /** When MINA has sent a reply. */
    void sent() {
        lock.lock();
        try {
            unsent = Math.max(0, unsent - 1);
            if (writesBlocked && unsent <= RESUME_REPLIES && io.getScheduledWriteBytes() <= LOW_WATER) {
                writesBlocked = false;
                commands.resume();
            }
            updateReading();
        } finally {
            lock.unlock();
        }
    }

    /** After a line was queued or a command finished. */
    void backlogChanged() {
        lock.lock();
        try {
            updateReading();
        } finally {
            lock.unlock();
        }
    }

    private void updateReading() {
        boolean suspend = writesBlocked || commands.backlog() + waiting.getAsInt() > MAX_BACKLOG;
        if (suspend != readSuspended) {
            readSuspended = suspend;
            if (suspend) {
                io.suspendRead();
            } else {
                // the line under way waited for the server, not the client: its time starts again
                if (io.containsAttribute(CommandLineDecoder.PARTIAL_SINCE)) {
                    io.setAttribute(CommandLineDecoder.PARTIAL_SINCE, System.nanoTime());
                }
                io.resumeRead();
            }
        }
    }
}
