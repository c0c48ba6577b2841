package com.hyperlocal.flashsale.verifier;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.counter.CounterService;
import com.hyperlocal.flashsale.verifier.record.ScanLog;
import com.hyperlocal.flashsale.verifier.record.TillDatabase;
import com.hyperlocal.flashsale.verifier.scan.CameraProvider;
import com.hyperlocal.flashsale.verifier.sync.Backoff;
import com.hyperlocal.flashsale.verifier.sync.HttpTillServer;
import com.hyperlocal.flashsale.verifier.sync.ServerException;
import com.hyperlocal.flashsale.verifier.sync.SyncService;
import com.hyperlocal.flashsale.verifier.sync.SyncStatus;
import com.hyperlocal.flashsale.verifier.sync.TillServer;
import com.hyperlocal.flashsale.verifier.verify.KeySource;
import com.hyperlocal.flashsale.verifier.verify.KeyStatus;
import com.hyperlocal.flashsale.verifier.verify.VoucherCheck;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Wires the app's logic together from the device settings (constructor injection, no framework,
 * no JavaFX). The UI gets one of these; tests build one over temporary files.
 */
public final class VerifierContext implements AutoCloseable {

    /**
     * @param scheduler runs the background sync; null = no background sync (tests call sync directly)
     * @param servers   makes the server connection from the settings (HTTP in the app)
     */
    public record Options(
            Clock clock,
            ScheduledExecutorService scheduler,
            CameraProvider cameras,
            Backoff backoff,
            Duration syncInterval,
            Function<DeviceConfig, TillServer> servers) {

        public Options(
                Clock clock,
                ScheduledExecutorService scheduler,
                CameraProvider cameras,
                Backoff backoff,
                Duration syncInterval) {
            this(clock, scheduler, cameras, backoff, syncInterval, c -> HttpTillServer.of(c.serverUrl(), c.apiKey()));
        }
    }

    private final DeviceConfigStore configStore;
    private final Options options;
    private volatile DeviceConfig config;
    private volatile Optional<TillServer> server;
    private final TillDatabase db;
    private final KeySource keys;
    private final SyncService sync;
    private final CounterService counter;
    private volatile Consumer<SyncStatus> syncListener = s -> {};

    public VerifierContext(DeviceConfigStore configStore, Options options) {
        this.configStore = configStore;
        this.options = options;
        this.config = configStore.loadOrCreate();
        this.server = serverFor(config);
        this.db = TillDatabase.open(config.database());
        this.keys = new KeySource(config.keyCache(), options.clock());
        this.sync = new SyncService(
                db,
                () -> server,
                () -> config.deviceId(),
                options.clock(),
                options.backoff(),
                options.syncInterval(),
                TillServer.MAX_BATCH,
                options.scheduler(),
                s -> syncListener.accept(s));
        VoucherCheck check = new VoucherCheck(keys, () -> config.merchant(), options.clock());
        this.counter =
                new CounterService(check, db.scans(), db.deals(), db.revocations(), options.clock(), sync::requestSync);
    }

    public DeviceConfig config() {
        return config;
    }

    /** Saves new settings; the server connection and merchant id take effect from the next call. */
    public void updateConfig(DeviceConfig updated) {
        configStore.save(updated);
        config = updated;
        server = serverFor(updated);
        sync.requestSync();
    }

    public CounterService counter() {
        return counter;
    }

    public ScanLog scans() {
        return db.scans();
    }

    public TillDatabase database() {
        return db;
    }

    public SyncService sync() {
        return sync;
    }

    public CameraProvider cameras() {
        return options.cameras();
    }

    public Clock clock() {
        return options.clock();
    }

    public KeyStatus keyStatus() {
        return keys.status(config.maxKeyAge());
    }

    public void onSyncStatus(Consumer<SyncStatus> listener) {
        this.syncListener = listener;
    }

    /** "Refresh keys": fetches issuer, keys and merchant id and writes the shared key cache. */
    public KeyCache refreshKeys() throws ServerException, IOException {
        TillServer s = server.orElseThrow(() ->
                new ServerException(0, null, "Set the server address and API key in Settings first.", false, null));
        KeyCache fresh = s.fetchKeys(options.clock());
        keys.replace(fresh);
        return fresh;
    }

    public void start() {
        sync.start();
    }

    private Optional<TillServer> serverFor(DeviceConfig c) {
        return c.canSync() ? Optional.of(options.servers().apply(c)) : Optional.empty();
    }

    @Override
    public void close() {
        sync.close();
        db.close();
    }
}
