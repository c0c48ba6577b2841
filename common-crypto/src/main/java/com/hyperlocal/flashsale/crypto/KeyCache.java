package com.hyperlocal.flashsale.crypto;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk cache of everything a till needs to verify vouchers offline: the server's public
 * keys plus the issuer and merchant id to expect. Written by the merchant CLI
 * ({@code flashdeal keys pull}) and read by the CLI and the desktop verifier, so both agree on
 * one file and one format:
 *
 * <pre>{"issuer":"https://flashsale.example","merchantId":"…","serverUrl":"http://…",
 *  "fetchedAt":"2026-03-01T12:00:00Z","jwks":{"keys":[…]}}</pre>
 *
 * <p>{@code merchantId} may be null when the keys were pulled without a merchant API key; such a
 * cache cannot build a {@link #verifier}. Loading applies the {@link TrustedKeys} rules, so a
 * cache holding private key material is refused.
 *
 * <p>Immutable and thread-safe.
 */
public record KeyCache(
        String issuer, @Nullable UUID merchantId, @Nullable String serverUrl, Instant fetchedAt, TrustedKeys keys) {

    /** Overrides the default location (e.g. a till with a read-only home). */
    public static final String PATH_ENV = "FLASHSALE_KEY_CACHE";

    public KeyCache {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(keys, "keys");
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
    }

    /** {@code $FLASHSALE_KEY_CACHE}, else {@code ${XDG_CONFIG_HOME:-$HOME/.config}/flashsale/key-cache.json}. */
    public static Path defaultPath() {
        return defaultPath(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** As {@link #defaultPath()}, with the environment and home directory given (for tests). */
    public static Path defaultPath(Map<String, String> env, Path home) {
        String explicit = env.get(PATH_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path configHome =
                xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return configHome.resolve("flashsale").resolve("key-cache.json");
    }

    /** Reads a cache written by {@link #save(Path)}. */
    public static KeyCache load(Path file) throws IOException, VoucherKeyException {
        if (Files.size(file) > TrustedKeys.MAX_FILE_BYTES) {
            throw new VoucherKeyException("key cache file is too large: " + file);
        }
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the cache JSON; see the class doc for the shape. */
    public static KeyCache fromJson(String json) throws VoucherKeyException {
        Map<String, Object> root;
        try {
            root = JSONObjectUtils.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new VoucherKeyException("key cache is not valid JSON");
        }
        try {
            String issuer = JSONObjectUtils.getString(root, "issuer");
            if (issuer == null || issuer.isBlank()) {
                throw new VoucherKeyException("key cache has no issuer");
            }
            String mid = JSONObjectUtils.getString(root, "merchantId");
            String fetched = JSONObjectUtils.getString(root, "fetchedAt");
            if (fetched == null) {
                throw new VoucherKeyException("key cache has no fetchedAt");
            }
            Map<String, Object> jwks = JSONObjectUtils.getJSONObject(root, "jwks");
            if (jwks == null) {
                throw new VoucherKeyException("key cache has no jwks");
            }
            TrustedKeys keys = TrustedKeys.fromJwksJson(JSONObjectUtils.toJSONString(jwks));
            return new KeyCache(
                    issuer,
                    mid == null ? null : UUID.fromString(mid),
                    JSONObjectUtils.getString(root, "serverUrl"),
                    Instant.parse(fetched),
                    keys);
        } catch (ParseException | DateTimeParseException | IllegalArgumentException e) {
            // Wrong member types, bad UUID or timestamp: say which file shape, never echo keys.
            throw new VoucherKeyException(
                    "key cache has a malformed member (issuer, merchantId, " + "serverUrl, fetchedAt or jwks)");
        }
    }

    /** The cache as JSON (public keys only: {@link TrustedKeys} never holds private parts). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("issuer", issuer);
        root.put("merchantId", merchantId == null ? null : merchantId.toString());
        root.put("serverUrl", serverUrl);
        root.put("fetchedAt", fetchedAt.toString());
        try {
            root.put("jwks", JSONObjectUtils.parse(keys.toJwksJson()));
        } catch (ParseException e) {
            throw new IllegalStateException("TrustedKeys produced invalid JSON", e);
        }
        return JSONObjectUtils.toJSONString(root);
    }

    /**
     * Writes the cache atomically (temp file in the same directory, then move), so the desktop
     * verifier reading it while {@code keys pull} runs sees the old or the new cache, never half.
     */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** How long ago the keys were fetched (negative if the till's clock is behind the server's). */
    public Duration age(Clock clock) {
        return Duration.between(fetchedAt, clock.instant());
    }

    /** A verifier for this cache's keys, issuer and merchant, with default skew and length. */
    public VoucherVerifier verifier(Clock clock) {
        if (merchantId == null) {
            throw new IllegalStateException(
                    "the key cache has no merchant id; pull the keys " + "again with the merchant's API key");
        }
        return VoucherVerifier.builder(keys, issuer, merchantId).clock(clock).build();
    }
}
