package com.hyperlocal.flashsale.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A bounded cache of tokens that passed full verification, keyed by the SHA-256 of the token (the
 * token itself is never kept as a key). A hit skips the signature check, so a shopper's retries
 * cost a hash instead of a signature verification. Each entry expires with its token, and after
 * {@link #MAX_AGE} at most, so a key the provider withdrew stops being honoured within that time.
 * Refused tokens are never cached: every bad token is verified (and counted) again.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_ENTRIES = 100_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder delegate, int maxEntries) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String key, Jwt jwt, long now) {
                        Instant expires = jwt.getExpiresAt();
                        Duration left = expires == null ? MAX_AGE : Duration.between(Instant.now(), expires);
                        return Math.max(0, Math.min(left.toNanos(), MAX_AGE.toNanos()));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Jwt jwt, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String key, Jwt jwt, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt cached = verified.getIfPresent(key);
        if (cached != null
                && (cached.getExpiresAt() == null || cached.getExpiresAt().isAfter(Instant.now()))) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(key, jwt);
        return jwt;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
