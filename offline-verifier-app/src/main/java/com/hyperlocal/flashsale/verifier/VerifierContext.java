package com.hyperlocal.flashsale.verifier;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.counter.CounterService;
import com.hyperlocal.flashsale.verifier.record.RedemptionStore;
import com.hyperlocal.flashsale.verifier.scan.CameraProvider;
import com.hyperlocal.flashsale.verifier.sync.Backoff;
import com.hyperlocal.flashsale.verifier.sync.DealTitles;
import com.hyperlocal.flashsale.verifier.sync.KeyRefresher;
import com.hyperlocal.flashsale.verifier.sync.ServerClient;
import com.hyperlocal.flashsale.verifier.sync.ServerException;
import com.hyperlocal.flashsale.verifier.sync.SyncService;
import com.hyperlocal.flashsale.verifier.sync.SyncStatus;
import com.hyperlocal.flashsale.verifier.verify.KeySource;
import com.hyperlocal.flashsale.verifier.verify.KeyStatus;
import com.hyperlocal.flashsale.verifier.verify.VoucherCheck;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Wires the app's logic together from the device settings (constructor injection, no framework,
 * no JavaFX). The UI gets one of these; tests build one over temporary files.
 */
public final class VerifierContext implements AutoCloseable {

    /**
     * @param scheduler runs the background sync; null = no background sync (tests call sync directly)
     */
    public record Options(Clock clock, ScheduledExecutorService scheduler, CameraProvider cameras,
                          Backoff backoff, Duration syncInterval) {
    }

    private final DeviceConfigStore configStore;
    private final Options options;
    private volatile DeviceConfig config;
    private volatile Optional<ServerClient> client;
    private final RedemptionStore store;
    private final KeySource keys;
    private final DealTitles titles;
    private final SyncService sync;
    private final CounterService counter;
    private volatile Consumer<SyncStatus> syncListener = s -> { };

    public VerifierContext(DeviceConfigStore configStore, Options options) {
        this.configStore = configStore;
        this.options = options;
        this.config = configStore.loadOrCreate();
        this.client = clientFor(config);
        this.store = RedemptionStore.open(config.database());
        this.keys = new KeySource(config.keyCache(), options.clock());
        this.titles = new DealTitles(store, () -> client, options.clock());
        this.sync = new SyncService(store, () -> client, () -> config.deviceId(), titles, options.clock(),
                options.backoff(), options.syncInterval(), ServerClient.MAX_BATCH, options.scheduler(),
                s -> syncListener.accept(s));
        VoucherCheck check = new VoucherCheck(keys, () -> config.merchantId(), options.clock());
        this.counter = new CounterService(check, store, id -> titles.cached(id).orElse(null), options.clock(),
                sync::requestSync);
    }

    public DeviceConfig config() {
        return config;
    }

    /** Saves new settings; the server client and merchant id take effect from the next call. */
    public void updateConfig(DeviceConfig updated) {
        configStore.save(updated);
        config = updated;
        client = clientFor(updated);
        sync.requestSync();
    }

    public Optional<ServerClient> client() {
        return client;
    }

    public CounterService counter() {
        return counter;
    }

    public RedemptionStore store() {
        return store;
    }

    public SyncService sync() {
        return sync;
    }

    public DealTitles titles() {
        return titles;
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
        ServerClient c = client.orElseThrow(() -> new ServerException(0, null,
                "Set the server address and API key in Settings first.", false, null));
        KeyCache fresh = KeyRefresher.fetch(c, options.clock());
        keys.replace(fresh);
        return fresh;
    }

    public void start() {
        sync.start();
    }

    private static Optional<ServerClient> clientFor(DeviceConfig c) {
        return c.canSync() ? Optional.of(new ServerClient(c.serverUrl(), c.apiKey())) : Optional.empty();
    }

    @Override
    public void close() {
        sync.close();
        store.close();
    }
}
