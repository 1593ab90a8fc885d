package ftp.core.internal.protocol;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one session's tasks one after the other, in order, on a shared pool: commands of a
 * session never overlap, and no thread belongs to a session.
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            lock.lock();
            try {
                tasks.clear();
                running = false;
            } finally {
                lock.unlock();
            }
        }
    }

    private void drain() {
        Runnable next;
        lock.lock();
        try {
            next = tasks.poll();
            if (next == null) {
                running = false;
                return;
            }
        } finally {
            lock.unlock();
        }
        try {
            next.run();
        } finally {
            schedule();
        }
    }
}
