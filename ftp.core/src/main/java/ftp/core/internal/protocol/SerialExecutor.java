package ftp.core.internal.protocol;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one session's tasks one after the other, in order, on a shared pool: commands of a
 * session never overlap, and no thread belongs to a session. While {@link #pause paused} (its
 * replies are not being read) it runs nothing and holds no pool thread; {@code afterTask} runs
 * after each task, outside the lock, so that the session can look at its backlog.
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final Runnable afterTask;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean running;
    private boolean paused;

    SerialExecutor(Executor pool, Runnable afterTask) {
        this.pool = pool;
        this.afterTask = afterTask;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            tasks.add(task);
            if (running || paused) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        schedule();
    }

    /** Tasks queued and not yet started. */
    int backlog() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    /** Runs no further task until {@link #resume}; the one running now finishes. */
    void pause() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    void resume() {
        lock.lock();
        try {
            paused = false;
            if (running || tasks.isEmpty()) {
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
            next = paused ? null : tasks.poll();
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
            try {
                afterTask.run();
            } finally {
                schedule();
            }
        }
    }
}
