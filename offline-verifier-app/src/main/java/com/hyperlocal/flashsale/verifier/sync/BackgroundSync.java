package com.hyperlocal.flashsale.verifier.sync;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one task again and again on a scheduler: the task returns how long to wait before the next
 * run; {@link #runSoon()} cuts a wait short, and a request during a run causes one more run right
 * after it. All state is guarded by this object's lock.
 */
final class BackgroundSync implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final Supplier<Duration> task;
    private boolean started;
    private boolean running;
    private boolean rerun;
    private boolean closed;
    private @Nullable ScheduledFuture<?> next;

    BackgroundSync(ScheduledExecutorService scheduler, Supplier<Duration> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    synchronized void start() {
        if (!started && !closed && scheduler != null) {
            started = true;
            next = scheduler.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void runSoon() {
        if (!started || closed) {
            return;
        }
        if (running) {
            rerun = true;
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        synchronized (this) {
            if (closed) {
                return;
            }
            running = true;
        }
        Duration wait = task.get();
        synchronized (this) {
            running = false;
            if (rerun) {
                rerun = false;
                wait = Duration.ZERO;
            }
            if (!closed) {
                next = scheduler.schedule(this::tick, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
