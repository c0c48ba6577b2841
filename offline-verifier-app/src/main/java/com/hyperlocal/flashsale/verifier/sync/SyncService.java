package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.verifier.record.TillDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One sync = upload the PENDING scans, then fetch the deals and new revocations; in the
 * background it keeps doing so, retrying with exponential backoff and jitter while offline.
 * The jobs live in {@link ScanUpload}, {@link CatalogSync} and {@link BackgroundSync}; this class
 * only keeps the {@link SyncHealth} and tells the listener.
 */
public final class SyncService implements AutoCloseable {

    /** Waits between retries; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record Report(int sent, int synced, int conflicts, int rejected, int deals, int newRevocations) {}

    private final TillDatabase db;
    private final Supplier<Optional<TillServer>> server;
    private final Supplier<String> deviceId;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration interval;
    private final ScanUpload upload;
    private final CatalogSync catalog;
    private final BackgroundSync background;
    private final Consumer<SyncStatus> listener;
    private final AtomicReference<SyncHealth> health = new AtomicReference<>(SyncHealth.UNKNOWN);

    /**
     * @param scheduler runs the background sync; null = none (tests call {@link #syncOnce()})
     */
    public SyncService(
            TillDatabase db,
            Supplier<Optional<TillServer>> server,
            Supplier<String> deviceId,
            Clock clock,
            Backoff backoff,
            Duration interval,
            int batchSize,
            ScheduledExecutorService scheduler,
            Consumer<SyncStatus> listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.server = Objects.requireNonNull(server, "server");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.upload = new ScanUpload(db.scans(), db.revocations(), clock, batchSize);
        this.catalog = new CatalogSync(db.deals(), db.revocations(), db.meta(), clock);
        this.background = new BackgroundSync(scheduler, this::tick);
        this.listener = listener == null ? s -> {} : listener;
    }

    /** Uploads every PENDING scan, then fetches deals and revocations; throws on the first failure. */
    public Report syncOnce() throws ServerException {
        try {
            TillServer s = server.get()
                    .orElseThrow(() -> new ServerException(
                            0, null, "No server is configured; scans stay on this till.", false, null));
            ScanUpload.Result sent = upload.run(s, deviceId.get());
            db.meta().setLastSync(clock.instant());
            CatalogSync.Result known = catalog.run(s);
            health.updateAndGet(SyncHealth::succeeded);
            return new Report(
                    sent.sent(),
                    sent.synced(),
                    sent.conflicts(),
                    sent.rejected(),
                    known.deals(),
                    known.newRevocations());
        } catch (ServerException e) {
            health.updateAndGet(h -> h.failed(e));
            throw e;
        }
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

    public SyncStatus status() {
        SyncHealth h = health.get();
        var meta = db.meta();
        return new SyncStatus(
                server.get().isPresent(),
                h.online(),
                meta.lastSync().orElse(null),
                db.scans().pendingCount(),
                db.scans().problemCount(),
                h.kind(),
                h.problem(),
                meta.dealsSyncedAt().orElse(null),
                meta.revocationsSyncedAt().orElse(null));
    }

    /** Starts background syncing on the scheduler. */
    public void start() {
        background.start();
    }

    /** Sync soon (e.g. right after a scan), without waiting out the current backoff. */
    public void requestSync() {
        background.runSoon();
    }

    private Duration tick() {
        Duration wait = interval;
        try {
            if (server.get().isEmpty()) {
                health.updateAndGet(SyncHealth::notConfigured);
            } else {
                syncOnce();
            }
        } catch (ServerException e) {
            wait = backoff.delay(health.get().failures());
        } catch (RuntimeException e) {
            // A broken database or a bug must not kill the sync loop; show it and retry later.
            wait = backoff.delay(health.updateAndGet(h -> h.broken("Sync failed: " + e.getMessage()))
                    .failures());
        }
        try {
            listener.accept(status());
        } catch (RuntimeException ignored) {
            // The status bar is informative only.
        }
        return wait;
    }

    @Override
    public void close() {
        background.close();
    }
}
