package com.hyperlocal.flashsale.verifier.config;

import com.hyperlocal.flashsale.crypto.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads and writes {@code verifier.properties}. The file holds the merchant API key, so it is
 * written owner-only (rw-------) and replaced atomically. The device id is generated on first
 * start and then never changes: the server tells devices apart by it.
 */
public final class DeviceConfigStore {

    static final String SERVER_URL = "server.url";
    static final String API_KEY = "api.key";
    static final String DEVICE_ID = "device.id";
    static final String MERCHANT_ID = "merchant.id";
    static final String MAX_KEY_AGE_DAYS = "keys.max-age-days";
    static final String KEY_CACHE = "keys.cache-path";
    static final String DATABASE = "database.path";
    static final String RESULT_SECONDS = "screen.result-seconds";
    static final String LANGUAGE = "screen.language";

    private final AppPaths paths;

    public DeviceConfigStore(AppPaths paths) {
        this.paths = paths;
    }

    public Path file() {
        return paths.configFile();
    }

    /** Loads the settings, creating the file (with a fresh device id) on first start. */
    public DeviceConfig loadOrCreate() {
        Properties p = new Properties();
        Path file = paths.configFile();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        boolean created = p.getProperty(DEVICE_ID, "").isBlank();
        String deviceId = created
                ? "counter-" + UUID.randomUUID().toString().substring(0, 8)
                : p.getProperty(DEVICE_ID).strip();
        String mid = p.getProperty(MERCHANT_ID, "").strip();
        DeviceConfig config = new DeviceConfig(
                p.getProperty(SERVER_URL, ""),
                p.getProperty(API_KEY, ""),
                deviceId,
                mid.isEmpty() ? null : UUID.fromString(mid),
                Duration.ofDays(Long.parseLong(
                        p.getProperty(MAX_KEY_AGE_DAYS, String.valueOf(DeviceConfig.DEFAULT_MAX_KEY_AGE.toDays()))
                                .strip())),
                path(p, KEY_CACHE, paths.keyCache()),
                path(p, DATABASE, paths.database()),
                Duration.ofSeconds(Long.parseLong(
                        p.getProperty(RESULT_SECONDS, String.valueOf(DeviceConfig.DEFAULT_RESULT_SHOWN.toSeconds()))
                                .strip())),
                p.getProperty(LANGUAGE, ""));
        if (created) {
            save(config);
        }
        return config;
    }

    public void save(DeviceConfig c) {
        Properties p = new Properties();
        p.setProperty(SERVER_URL, c.serverUrl());
        p.setProperty(API_KEY, c.apiKey());
        p.setProperty(DEVICE_ID, c.deviceId());
        p.setProperty(MERCHANT_ID, c.merchantId() == null ? "" : c.merchantId().toString());
        p.setProperty(MAX_KEY_AGE_DAYS, String.valueOf(c.maxKeyAge().toDays()));
        p.setProperty(RESULT_SECONDS, String.valueOf(c.resultShown().toSeconds()));
        p.setProperty(LANGUAGE, c.language());
        if (!c.keyCache().equals(paths.keyCache())) {
            p.setProperty(KEY_CACHE, c.keyCache().toString());
        }
        if (!c.database().equals(paths.database())) {
            p.setProperty(DATABASE, c.database().toString());
        }
        try {
            StringWriter text = new StringWriter();
            p.store(text, "Flash-sale counter verifier. Holds the merchant API key: keep private.");
            writeOwnerOnly(paths.configFile(), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + paths.configFile(), e);
        }
    }

    private static Path path(Properties p, String key, Path fallback) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? fallback : Path.of(v);
    }

    static void writeOwnerOnly(Path file, String text) throws IOException {
        // The folder may exist already (the merchant CLI's key cache): tighten it too.
        OwnerOnly.directory(OwnerOnly.folderOf(file));
        AtomicFiles.writeOwnerOnly(file, text); // holds the API key
    }
}
