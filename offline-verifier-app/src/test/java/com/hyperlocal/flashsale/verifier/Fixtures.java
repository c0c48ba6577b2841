package com.hyperlocal.flashsale.verifier;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.config.AppPaths;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.scan.CameraProvider;
import com.hyperlocal.flashsale.verifier.sync.Backoff;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A device set up in a temporary directory, trusting the common-crypto test vectors. */
public final class Fixtures {

    private Fixtures() {}

    /** The vectors' verification instant, so valid.jwt is valid and expired.jwt expired. */
    public static Clock clock() {
        return VoucherTestVectors.settings().clock();
    }

    public static AppPaths paths(Path dir) {
        return AppPaths.of(Map.of(), dir.resolve("home"));
    }

    /** Writes the key cache (fetched a day before the vectors' instant) and the settings. */
    public static DeviceConfigStore device(Path dir, String serverUrl, String deviceId) throws IOException {
        AppPaths paths = paths(dir);
        writeKeyCache(paths.keyCache());
        DeviceConfigStore store = new DeviceConfigStore(paths);
        DeviceConfig c = store.loadOrCreate();
        store.save(new DeviceConfig(
                serverUrl,
                serverUrl.isEmpty() ? "" : FakeServer.API_KEY,
                deviceId,
                null,
                DeviceConfig.DEFAULT_MAX_KEY_AGE,
                c.keyCache(),
                c.database()));
        return store;
    }

    public static void writeKeyCache(Path file) throws IOException {
        var s = VoucherTestVectors.settings();
        new KeyCache(
                        s.issuer(),
                        s.merchantId(),
                        "http://unused",
                        s.verifyAt().minus(Duration.ofDays(1)),
                        VoucherTestVectors.trustedKeys())
                .save(file);
    }

    /** No background sync, no camera: tests call everything directly. */
    public static VerifierContext.Options options(CameraProvider cameras) {
        return new VerifierContext.Options(
                clock(),
                null,
                cameras,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0, () -> 0),
                Duration.ofMinutes(1));
    }

    public static VerifierContext context(Path dir, String serverUrl, String deviceId) throws IOException {
        return new VerifierContext(device(dir, serverUrl, deviceId), options(List::of));
    }
}
