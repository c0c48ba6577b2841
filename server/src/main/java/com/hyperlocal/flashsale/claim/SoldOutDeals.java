package com.hyperlocal.flashsale.claim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hyperlocal.flashsale.infra.DaemonThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deals this instance has seen sold out, with who holds a claim on each, so that a sold-out answer
 * needs neither Redis nor PostgreSQL. Inventory never grows back, so once a deal has reached zero
 * its holders are final: they are read once, in the background, as sorted 64-bit hashes. A hash
 * match only sends the request on to the exact lookup, so a collision costs one query and never a
 * wrong answer; until the holders are loaded every request takes that path.
 *
 * <p>Thread-safe. Memory is bounded by {@code flashsale.claims.sold-out-max-bytes} (default 64 MB),
 * counting {@value #DEAL_BYTES} bytes a deal and {@value #HOLDER_BYTES} a holder; past it the least
 * used deals are dropped and simply marked again by their next batch. Gauges
 * {@code flashsale.claims.soldout.deals} and {@code flashsale.claims.soldout.bytes}.
 */
@Component
class SoldOutDeals {

    static final int DEAL_BYTES = 64;
    static final int HOLDER_BYTES = 8;
    private static final Logger log = LoggerFactory.getLogger(SoldOutDeals.class);
    private static final long RETRY_NANOS = 5_000_000_000L;
    private static final int MAX_QUEUED_LOADS = 1024;

    /** {@code hashes} null while loading; {@code failedAt} (nanoTime) non-zero once a load failed. */
    private record Holders(long @Nullable [] hashes, long failedAt) {
        static final Holders LOADING = new Holders(null, 0);
    }

    private final Cache<UUID, Holders> holders;
    private final ThreadPoolExecutor loader = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED_LOADS),
            DaemonThreads.named("sold-out-holders"));
    private final JdbcClient jdbc;

    SoldOutDeals(JdbcClient jdbc, ClaimProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.holders = Caffeine.newBuilder()
                .maximumWeight(properties.soldOutMaxBytes())
                .weigher((UUID deal, Holders h) ->
                        DEAL_BYTES + HOLDER_BYTES * (h.hashes() == null ? 0 : h.hashes().length))
                .executor(Runnable::run)
                .build();
        Gauge.builder("flashsale.claims.soldout.deals", holders, Cache::estimatedSize)
                .description("Sold-out deals whose holders are kept in memory")
                .register(meters);
        Gauge.builder(
                        "flashsale.claims.soldout.bytes",
                        holders,
                        c -> c.policy()
                                .eviction()
                                .map(e -> e.weightedSize().orElse(0))
                                .orElse(0L))
                .description("Memory counted for the sold-out holders (bounded by flashsale.claims.sold-out-max-bytes)")
                .register(meters);
    }

    boolean isSoldOut(UUID dealId) {
        return holders.getIfPresent(dealId) != null;
    }

    /** Records that the deal reached zero (idempotent) and starts reading its holders. */
    void markSoldOut(UUID dealId) {
        if (holders.asMap().putIfAbsent(dealId, Holders.LOADING) == null) {
            startLoad(dealId);
        }
    }

    /** True only if the deal is sold out and the user certainly holds no claim on it. */
    boolean surelyNotHolder(UUID dealId, String userId) {
        Holders known = holders.getIfPresent(dealId);
        if (known == null) {
            return false;
        }
        if (known.hashes() == null) {
            retryIfFailed(dealId, known);
            return false;
        }
        return Arrays.binarySearch(known.hashes(), hash(userId)) < 0;
    }

    /** Deals kept, after pending evictions. */
    long size() {
        holders.cleanUp();
        return holders.estimatedSize();
    }

    private void retryIfFailed(UUID dealId, Holders known) {
        if (known.failedAt() != 0
                && System.nanoTime() - known.failedAt() > RETRY_NANOS
                && holders.asMap().replace(dealId, known, Holders.LOADING)) {
            startLoad(dealId);
        }
    }

    private void startLoad(UUID dealId) {
        try {
            loader.execute(() -> load(dealId));
        } catch (RejectedExecutionException e) {
            failed(dealId, true); // too many loads queued: the next request for the deal tries again
        }
    }

    private void load(UUID dealId) {
        try {
            long[] loaded = jdbc
                    .sql("SELECT user_id FROM claims WHERE deal_id = :deal")
                    .param("deal", dealId)
                    .query((rs, n) -> hash(rs.getString(1)))
                    .list()
                    .stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            holders.asMap().computeIfPresent(dealId, (id, old) -> new Holders(loaded, 0));
        } catch (DataAccessException e) {
            log.debug("Holders of sold-out deal {} not loaded: {}", dealId, e.toString());
            failed(dealId, false);
        }
    }

    private void failed(UUID dealId, boolean retryNow) {
        long at = retryNow ? System.nanoTime() - RETRY_NANOS - 1 : System.nanoTime();
        holders.asMap().computeIfPresent(dealId, (id, old) -> old.hashes() == null ? new Holders(null, at) : old);
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser so that similar ids spread. */
    static long hash(String userId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : userId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }
}
