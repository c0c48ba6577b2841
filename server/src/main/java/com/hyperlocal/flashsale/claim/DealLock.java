package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import com.hyperlocal.flashsale.web.DependencyUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/**
 * The seed's distributed lock on {@code lock:deal:{id}}: {@code SET NX PX} with a token unique to
 * the holder, a bounded wait, and release by compare-and-delete so a holder whose lease ran out
 * cannot free someone else's. The lock only keeps contention off PostgreSQL; correctness never
 * depends on it (see {@link ClaimWriter}).
 */
@Component
class DealLock {

    private static final Logger log = LoggerFactory.getLogger(DealLock.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);
    /**
     * Waiters are batch drainers, at most one per deal and instance, so polling often costs Redis
     * little, while a long backoff leaves the lock idle after each batch (docs/benchmarks.md,
     * findings).
     */
    private static final long MAX_BACKOFF_MILLIS = 2;

    private final StringRedisTemplate redis;
    private final ClaimProperties properties;
    private final java.util.concurrent.ExecutorService cleanup = new java.util.concurrent.ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new java.util.concurrent.ArrayBlockingQueue<>(1024),
            DaemonThreads.named("deal-lock-cleanup"));

    DealLock(StringRedisTemplate redis, ClaimProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    record Lease(String key, String token) {}

    /** @throws LockBusyException when another holder keeps the lock past the wait */
    Lease acquire(UUID dealId) {
        String key = "lock:deal:" + dealId;
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + properties.lockWait().toNanos();
        long backoff = 1;
        try {
            while (!trySet(key, token)) {
                if (System.nanoTime() > deadline) {
                    throw new LockBusyException(dealId);
                }
                TimeUnit.MILLISECONDS.sleep(
                        backoff + ThreadLocalRandom.current().nextLong(backoff + 1));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
            return new Lease(key, token);
        } catch (DataAccessException e) {
            abandon(new Lease(key, token));
            throw new DependencyUnavailableException("Redis", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockBusyException(dealId);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        cleanup.shutdownNow();
    }

    void release(Lease lease) {
        try {
            redis.execute(RELEASE, List.of(lease.key()), lease.token());
        } catch (DataAccessException e) {
            // The lease expires on its own; the database stays consistent either way.
            log.warn("Could not release {}: {}", lease.key(), e.toString());
        }
    }

    /**
     * A {@code SET NX} that timed out (a frozen Redis) is still in the socket and runs when Redis
     * thaws, leaving a lock nobody holds for a whole lease. A compare-and-delete sent after it runs
     * right after it and frees the lock; sent from another thread so no request waits for it.
     */
    private void abandon(Lease lease) {
        try {
            cleanup.execute(() -> release(lease));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the lease expires on its own
        }
    }

    private boolean trySet(String key, String token) {
        long leaseMillis = properties.lockLease().toMillis();
        Boolean set = redis.execute((RedisCallback<Boolean>) connection -> connection
                .stringCommands()
                .set(
                        key.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8),
                        Expiration.milliseconds(leaseMillis), SetOption.ifAbsent()));
        return Boolean.TRUE.equals(set);
    }
}
