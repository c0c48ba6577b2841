package com.hyperlocal.flashsale.verifier.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * This device's settings.
 *
 * @param serverUrl  the platform's base URL; blank = never go online
 * @param apiKey     the merchant API key (Bearer); blank = cannot sync
 * @param deviceId   generated once per installation, sent with every upload
 * @param merchantId the shop this till accepts vouchers for; null = take it from the key cache
 * @param maxKeyAge  warn when the cached keys are older than this
 * @param keyCache   the shared key cache file (also written by {@code flashdeal keys pull})
 * @param database   the SQLite redemption log
 * @param resultShown how long a scan's result stays on screen before it returns to READY
 * @param language   the screen's language tag (e.g. "hi"); blank = the system's
 */
public record DeviceConfig(
        String serverUrl,
        String apiKey,
        String deviceId,
        @Nullable UUID merchantId,
        Duration maxKeyAge,
        Path keyCache,
        Path database,
        Duration resultShown,
        String language) {

    public static final Duration DEFAULT_MAX_KEY_AGE = Duration.ofDays(7);
    public static final Duration DEFAULT_RESULT_SHOWN = Duration.ofSeconds(6);

    public DeviceConfig(
            String serverUrl,
            String apiKey,
            String deviceId,
            @Nullable UUID merchantId,
            Duration maxKeyAge,
            Path keyCache,
            Path database) {
        this(serverUrl, apiKey, deviceId, merchantId, maxKeyAge, keyCache, database, DEFAULT_RESULT_SHOWN, "");
    }

    public DeviceConfig {
        language = language == null ? "" : language.strip();
        Objects.requireNonNull(resultShown, "resultShown");
        if (resultShown.isNegative() || resultShown.isZero()) {
            throw new IllegalArgumentException("the result must stay on screen for some time");
        }
        serverUrl = serverUrl == null ? "" : serverUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(maxKeyAge, "maxKeyAge");
        Objects.requireNonNull(keyCache, "keyCache");
        Objects.requireNonNull(database, "database");
        if (!deviceId.matches("[A-Za-z0-9._:@+-]{1,64}")) {
            // The server's upload contract accepts only these characters.
            throw new IllegalArgumentException("device id must be 1-64 of A-Z a-z 0-9 . _ : @ + -");
        }
    }

    public Optional<UUID> merchant() {
        return Optional.ofNullable(merchantId);
    }

    public boolean canSync() {
        return !serverUrl.isEmpty() && !apiKey.isEmpty();
    }

    public DeviceConfig withServer(String url, String key, @Nullable UUID merchant, Duration maxAge) {
        return new DeviceConfig(url, key, deviceId, merchant, maxAge, keyCache, database, resultShown, language);
    }

    public DeviceConfig withMerchantId(@Nullable UUID merchant) {
        return new DeviceConfig(
                serverUrl, apiKey, deviceId, merchant, maxKeyAge, keyCache, database, resultShown, language);
    }

    public DeviceConfig withScreen(Duration shown, String languageTag) {
        return new DeviceConfig(
                serverUrl, apiKey, deviceId, merchantId, maxKeyAge, keyCache, database, shown, languageTag);
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "DeviceConfig[serverUrl=" + serverUrl + ", deviceId=" + deviceId + ", merchantId="
                + merchantId + ", maxKeyAge=" + maxKeyAge + ", keyCache=" + keyCache
                + ", database=" + database + ", resultShown=" + resultShown + ", language=" + language + ", apiKey="
                + (apiKey.isEmpty() ? "none" : "set") + "]";
    }
}
