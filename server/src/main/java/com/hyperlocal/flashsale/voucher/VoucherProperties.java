package com.hyperlocal.flashsale.voucher;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer           the {@code iss} of every voucher; tills are configured with the same value
 * @param publicBaseUrl    the server's public origin, e.g. {@code https://deals.example.com}: the
 *                         {@code jwks_uri} of the voucher configuration is built from it, never from
 *                         the request's Host header; defaults to {@code issuer}
 * @param keysFile         a JWK set file holding the private EC P-256 signing keys, first key =
 *                         active signer (see {@link VoucherKeyring}); operator-managed, read-only
 * @param keyEncryptionKey base64 of 32 random bytes (env {@code FLASHSALE_VOUCHERS_KEY_ENCRYPTION_KEY}):
 *                         keys live in PostgreSQL, private halves sealed with AES-256-GCM under it,
 *                         shared by every instance and rotated together (production)
 * @param keyDir           otherwise (development, one instance): folder where keys are generated and
 *                         kept, one {@code <kid>.jwk.json} each, owner-only
 * @param rotateAfter      age at which the active key is replaced (managed keys)
 * @param publishAhead     how long a new key is published before it signs: at least the JWKS cache
 *                         time plus the refresh interval plus a till's key refresh, so a till that
 *                         refreshed inside the window already knows the key that signs next
 * @param refreshInterval  how often an instance re-reads the shared keys and each key's latest voucher expiry
 * @param qrSizePx         edge of the QR PNG served for a claim, in pixels
 */
@ConfigurationProperties("flashsale.vouchers")
record VoucherProperties(
        String issuer,
        String publicBaseUrl,
        @Nullable Path keysFile,
        @Nullable String keyEncryptionKey,
        Path keyDir,
        Duration rotateAfter,
        Duration publishAhead,
        Duration refreshInterval,
        int qrSizePx) {

    static final String DEFAULT_ISSUER = "https://flashsale.example";
    /** What a till may wait between key refreshes (its sync interval, with room for a missed one). */
    static final Duration TILL_REFRESH = Duration.ofMinutes(5);

    VoucherProperties {
        issuer = issuer != null && !issuer.isBlank() ? issuer : DEFAULT_ISSUER;
        publicBaseUrl = stripSlash(publicBaseUrl != null && !publicBaseUrl.isBlank() ? publicBaseUrl : issuer);
        keyEncryptionKey = keyEncryptionKey != null && !keyEncryptionKey.isBlank() ? keyEncryptionKey : null;
        keyDir = keyDir != null ? keyDir : Path.of("data", "keys");
        rotateAfter = positive(rotateAfter, Duration.ofDays(30));
        refreshInterval = positive(refreshInterval, Duration.ofSeconds(30));
        publishAhead = positive(publishAhead, Duration.ofHours(1));
        qrSizePx = qrSizePx > 0 ? qrSizePx : 400;
        Duration least = JwksController.MAX_AGE.plus(refreshInterval).plus(TILL_REFRESH);
        if (publishAhead.compareTo(least) < 0) {
            throw new IllegalArgumentException("flashsale.vouchers.publish-ahead must be at least " + least
                    + " (JWKS cache + refresh interval + a till's key refresh)");
        }
    }

    @SuppressWarnings(
            "NullAway") // absent values, as Spring binds missing properties: the constructor fills in defaults
    static VoucherProperties keysFile(String issuer, Path keysFile) {
        return new VoucherProperties(issuer, null, keysFile, null, null, null, null, null, 0);
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value != null && !value.isNegative() && !value.isZero() ? value : otherwise;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Never prints the key-encryption key. */
    @Override
    public String toString() {
        return "VoucherProperties[issuer=" + issuer + ", publicBaseUrl=" + publicBaseUrl + ", keysFile=" + keysFile
                + ", keyEncryptionKey=" + (keyEncryptionKey != null ? "(set)" : "(none)") + ", keyDir=" + keyDir
                + ", rotateAfter=" + rotateAfter + ", publishAhead=" + publishAhead + "]";
    }
}
