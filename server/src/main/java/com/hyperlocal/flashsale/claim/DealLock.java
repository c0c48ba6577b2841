package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import com.hyperlocal.flashsale.web.DependencyUnavailableException;
import io.lettuce.core.cluster.SlotHash;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The seed's distributed lock on {@code lock:deal:{id}} — {@code SET NX PX} with a token unique to
 * the holder, release by compare-and-delete so a holder whose lease ran out cannot free someone
 * else's — taken for all the deals of a batch in one round trip: one script tries every key and
 * reports which it got, so a batch never waits holding some locks for others (no deadlock), and the
 * deals it did not get wait for a later batch. On Redis Cluster a script may only name keys of one
 * hash slot, so there it is one round trip per slot among the batch's deals. The lock only keeps
 * contention off PostgreSQL; correctness never depends on it (see {@link ClaimWriter}).
 */
@Component
class DealLock {

    private static final Logger log = LoggerFactory.getLogger(DealLock.class);
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local got = {}
            for i, key in ipairs(KEYS) do
              if redis.call('set', key, ARGV[1], 'NX', 'PX', ARGV[2]) then got[i] = 1 else got[i] = 0 end
            end
            return got
            """, List.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            local freed = 0
            for _, key in ipairs(KEYS) do
              if redis.call('get', key) == ARGV[1] then freed = freed + redis.call('del', key) end
            end
            return freed
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ClaimProperties properties;
    private final boolean cluster;
    private final ExecutorService cleanup = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), DaemonThreads.named("deal-lock-cleanup"));

    DealLock(StringRedisTemplate redis, ClaimProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.cluster =
                redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
    }

    /** The locks one batch holds, all under one token. */
    record Lease(String token, List<UUID> deals) {

        boolean isEmpty() {
            return deals.isEmpty();
        }
    }

    static String key(UUID dealId) {
        return "lock:deal:" + dealId;
    }

    /**
     * Takes whichever of the deals' locks are free, in one round trip.
     *
     * @throws DependencyUnavailableException if Redis does not answer
     */
    Lease tryAcquire(List<UUID> deals) {
        String token = UUID.randomUUID().toString();
        List<UUID> held = new ArrayList<>();
        try {
            for (List<UUID> group : bySlot(deals)) {
                List<?> got = redis.execute(
                        TAKE,
                        keys(group),
                        token,
                        Long.toString(properties.lockLease().toMillis()));
                for (int i = 0; i < group.size(); i++) {
                    if (got != null && i < got.size() && Long.valueOf(1).equals(got.get(i))) {
                        held.add(group.get(i));
                    }
                }
            }
            return new Lease(token, List.copyOf(held));
        } catch (DataAccessException e) {
            abandon(new Lease(token, deals));
            throw new DependencyUnavailableException("Redis", e);
        }
    }

    void release(Lease lease) {
        if (lease.isEmpty()) {
            return;
        }
        try {
            for (List<UUID> group : bySlot(lease.deals())) {
                redis.execute(RELEASE, keys(group), lease.token());
            }
        } catch (DataAccessException e) {
            // The leases expire on their own; the database stays consistent either way.
            log.warn(
                    "Could not release the locks of {} deals: {}", lease.deals().size(), e.toString());
        }
    }

    private static List<String> keys(List<UUID> deals) {
        return deals.stream().map(DealLock::key).toList();
    }

    /** One group per script: all the deals, or on Redis Cluster the deals of each hash slot. */
    private Collection<List<UUID>> bySlot(List<UUID> deals) {
        if (!cluster) {
            return List.of(deals);
        }
        Map<Integer, List<UUID>> groups = new LinkedHashMap<>();
        deals.forEach(d -> groups.computeIfAbsent(SlotHash.getSlot(key(d)), s -> new ArrayList<>())
                .add(d));
        return groups.values();
    }

    /**
     * A take that timed out (a frozen Redis) is still in the socket and runs when Redis thaws,
     * leaving locks nobody holds for a whole lease. A compare-and-delete sent after it runs right
     * after it and frees them; sent from another thread so no request waits for it.
     */
    private void abandon(Lease lease) {
        try {
            cleanup.execute(() -> release(lease));
        } catch (RejectedExecutionException e) {
            // the leases expire on their own
        }
    }

    @PreDestroy
    void stop() {
        cleanup.shutdownNow();
    }
}
