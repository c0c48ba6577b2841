package com.hyperlocal.flashsale.claim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who already holds a claim on a deal, in Redis ({@code claims:deal:{id}}: user → claim id and time),
 * so a repeat request is answered without the lock or PostgreSQL. It is only a cache of the
 * database: written after each commit, and when it misses or Redis fails the claim takes the
 * normal path, where the UNIQUE constraint decides.
 */
@Component
class ClaimIndex {

    private static final Logger log = LoggerFactory.getLogger(ClaimIndex.class);
    private static final Duration TTL = Duration.ofDays(7);

    private final StringRedisTemplate redis;

    ClaimIndex(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** What the index knows: a held claim, none, or nothing because Redis did not answer. */
    record Lookup(Optional<Claim> held, boolean known) {
        static final Lookup UNKNOWN = new Lookup(Optional.empty(), false);
    }

    Lookup find(UUID dealId, String userId) {
        try {
            Object value = redis.opsForHash().get(key(dealId), userId);
            return new Lookup(Optional.ofNullable(value).map(v -> decode(dealId, userId, v.toString())), true);
        } catch (DataAccessException | IllegalArgumentException e) {
            return Lookup.UNKNOWN;
        }
    }

    void remember(UUID dealId, Collection<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        byte[] key = key(dealId).getBytes(StandardCharsets.UTF_8);
        try {
            redis.executePipelined((RedisCallback<@Nullable Object>) connection -> {
                for (Claim claim : claims) {
                    connection
                            .hashCommands()
                            .hSet(
                                    key,
                                    claim.userId().getBytes(StandardCharsets.UTF_8),
                                    encode(claim).getBytes(StandardCharsets.UTF_8));
                }
                connection.keyCommands().expire(key, TTL.toSeconds());
                return null;
            });
        } catch (DataAccessException e) {
            log.debug("Claim index not updated for deal {}: {}", dealId, e.toString());
        }
    }

    private static String key(UUID dealId) {
        return "claims:deal:" + dealId;
    }

    private static String encode(Claim claim) {
        Instant at = claim.claimedAt();
        return claim.id() + " " + at.getEpochSecond() + " " + at.getNano();
    }

    private static Claim decode(UUID dealId, String userId, String value) {
        String[] parts = value.split(" ");
        Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        return new Claim(UUID.fromString(parts[0]), dealId, userId, at, null, null);
    }
}
