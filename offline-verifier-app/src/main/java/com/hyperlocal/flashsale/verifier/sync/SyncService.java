package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.verifier.record.RedemptionStore;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.ServerAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Uploads PENDING scans in batches and stores the server's answers; in the background it keeps
 * doing so, retrying with exponential backoff and jitter while offline.
 *
 * <p>Why nothing is lost or doubled: a scan stays PENDING in SQLite until an answer for its
 * client id is stored, and every resend carries the same client id, which the server records
 * once (a repeat is answered DUPLICATE). A crash or lost response therefore only causes a resend.
 */
public final class SyncService implements AutoCloseable {

    /** Waits between retries; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record Report(int sent, int synced, int conflicts, int rejected) {
    }

    private final RedemptionStore store;
    private final Supplier<Optional<ServerClient>> client;
    private final Supplier<String> deviceId;
    private final DealTitles titles;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration interval;
    private final int batchSize;
    private final ScheduledExecutorService scheduler;
    private final Consumer<SyncStatus> listener;

    private int failures;
    private boolean online;
    private String message;
    private boolean started;
    private boolean running;
    private boolean rerun;
    private boolean closed;
    private ScheduledFuture<?> next;

    public SyncService(RedemptionStore store, Supplier<Optional<ServerClient>> client, Supplier<String> deviceId,
                       DealTitles titles, Clock clock, Backoff backoff, Duration interval, int batchSize,
                       ScheduledExecutorService scheduler, Consumer<SyncStatus> listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.titles = titles;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (batchSize < 1 || batchSize > ServerClient.MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 1.." + ServerClient.MAX_BATCH);
        }
        this.batchSize = batchSize;
        this.scheduler = scheduler;
        this.listener = listener == null ? s -> { } : listener;
    }

    /**
     * Uploads every PENDING scan once, batch by batch, and updates online/offline. Throws on the
     * first failed batch (the batches before it stay SYNCED).
     */
    public Report syncOnce() throws ServerException {
        try {
            Report r = upload();
            succeeded();
            return r;
        } catch (ServerException e) {
            failed(e);
            throw e;
        }
    }

    private Report upload() throws ServerException {
        ServerClient c = client.get().orElseThrow(() -> new ServerException(0, null,
                "No server is configured; scans stay on this till.", false, null));
        int sent = 0;
        int synced = 0;
        int conflicts = 0;
        int rejected = 0;
        List<ScanRecord> batch = store.pending(batchSize);
        if (batch.isEmpty()) {
            c.me(); // nothing to send: still prove the server is reachable and the key accepted
        }
        while (!batch.isEmpty()) {
            List<ServerAnswer> answers = c.upload(deviceId.get(), batch);
            sent += batch.size();
            synced += store.applyAnswers(answers, clock.instant());
            for (ServerAnswer a : answers) {
                conflicts += "CONFLICT".equals(a.status()) ? 1 : 0;
                rejected += "REJECTED".equals(a.status()) ? 1 : 0;
            }
            if (answers.isEmpty()) {
                throw new ServerException(200, null, "The server answered none of the uploaded scans.", true, null);
            }
            batch = store.pending(batchSize);
        }
        store.setLastSync(clock.instant());
        return new Report(sent, synced, conflicts, rejected);
    }

    /** {@link #syncOnce()} with up to {@code maxAttempts} tries, backing off between retryable failures. */
    public Report syncWithRetry(int maxAttempts, Sleeper sleeper) throws ServerException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return syncOnce();
            } catch (ServerException e) {
                if (!e.retryable() || attempt >= maxAttempts) {
                    throw e;
                }
                sleeper.sleep(backoff.delay(attempt));
            }
        }
    }

    public synchronized SyncStatus status() {
        return new SyncStatus(client.get().isPresent(), online, store.lastSync().orElse(null),
                store.pendingCount(), store.problems().size(), message);
    }

    /** Starts background syncing on the scheduler. */
    public synchronized void start() {
        if (!started && scheduler != null) {
            started = true;
            next = scheduler.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Sync soon (e.g. right after a scan), without waiting out the current backoff. */
    public synchronized void requestSync() {
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
        Duration wait = interval;
        try {
            if (client.get().isEmpty()) {
                synchronized (this) {
                    online = false;
                    message = null;
                }
            } else {
                syncOnce();
                if (titles != null) {
                    titles.fetchMissing(20);
                }
            }
        } catch (ServerException e) {
            wait = backoff.delay(failureCount());
        } catch (RuntimeException e) {
            // A broken database or a bug must not kill the sync loop; show it and retry later.
            synchronized (this) {
                message = "Sync failed: " + e.getMessage();
            }
            wait = backoff.delay(++failures);
        }
        publish();
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

    private synchronized void succeeded() {
        failures = 0;
        online = true;
        message = null;
    }

    private synchronized int failureCount() {
        return failures;
    }

    private synchronized int failed(ServerException e) {
        // A refusal (e.g. 401) means the server is reachable: we are online but cannot sync.
        online = !e.retryable();
        message = e.getMessage();
        return ++failures;
    }

    private void publish() {
        try {
            listener.accept(status());
        } catch (RuntimeException ignored) {
            // The status bar is informative only.
        }
    }

    public Optional<Instant> lastSuccess() {
        return store.lastSync();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
