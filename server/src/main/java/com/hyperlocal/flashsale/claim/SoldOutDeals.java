package com.hyperlocal.flashsale.claim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deals this instance has seen sold out, with who holds a claim on each, so that a sold-out answer
 * needs neither Redis nor PostgreSQL. Inventory never grows back, so once a deal has reached zero
 * its holders are final: they are read once, in the background, as sorted 64-bit hashes (8 bytes a
 * holder). A hash match only sends the request on to the claim index, so a collision costs one
 * lookup and never a wrong answer; until the holders are loaded every request takes that path.
 *
 * <p>Thread-safe. Memory is bounded by {@link #MAX_HASHES}: past it, other deals' holder sets are
 * dropped and read again when next needed.
 */
@Component
class SoldOutDeals {

    private static final Logger log = LoggerFactory.getLogger(SoldOutDeals.class);
    static final long MAX_HASHES = 8_000_000;   // 64 MB at most
    private static final long RETRY_NANOS = 5_000_000_000L;
    private static final long[] LOADING = new long[0];

    private final Map<UUID, long[]> holders = new ConcurrentHashMap<>();
    private final Map<UUID, Long> failedAt = new ConcurrentHashMap<>();
    private final AtomicLong hashes = new AtomicLong();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sold-out-holders");
        thread.setDaemon(true);
        return thread;
    });
    private final JdbcClient jdbc;

    SoldOutDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isSoldOut(UUID dealId) {
        return holders.containsKey(dealId);
    }

    /** Records that the deal reached zero (idempotent) and starts reading its holders. */
    void markSoldOut(UUID dealId) {
        if (holders.putIfAbsent(dealId, LOADING) == null) {
            loader.execute(() -> load(dealId));
        }
    }

    /** True only if the deal is sold out and the user certainly holds no claim on it. */
    boolean surelyNotHolder(UUID dealId, String userId) {
        long[] known = holders.get(dealId);
        if (known == null) {
            return false;
        }
        if (known == LOADING) {
            retryIfFailed(dealId);
            return false;
        }
        return Arrays.binarySearch(known, hash(userId)) < 0;
    }

    private void retryIfFailed(UUID dealId) {
        Long failed = failedAt.get(dealId);
        if (failed != null && System.nanoTime() - failed > RETRY_NANOS && failedAt.remove(dealId, failed)) {
            loader.execute(() -> load(dealId));
        }
    }

    private void load(UUID dealId) {
        try {
            long[] loaded = jdbc.sql("SELECT user_id FROM claims WHERE deal_id = :deal")
                    .param("deal", dealId)
                    .query((rs, n) -> hash(rs.getString(1)))
                    .list().stream().mapToLong(Long::longValue).sorted().toArray();
            makeRoom(loaded.length, dealId);
            holders.put(dealId, loaded);
            hashes.addAndGet(loaded.length);
        } catch (DataAccessException e) {
            log.debug("Holders of sold-out deal {} not loaded: {}", dealId, e.toString());
            failedAt.put(dealId, System.nanoTime());
        }
    }

    private void makeRoom(int needed, UUID keep) {
        for (Map.Entry<UUID, long[]> entry : holders.entrySet()) {
            if (hashes.get() + needed <= MAX_HASHES) {
                return;
            }
            long[] dropped = entry.getValue();
            if (!entry.getKey().equals(keep) && dropped != LOADING && holders.replace(entry.getKey(), dropped, LOADING)) {
                hashes.addAndGet(-dropped.length);
                failedAt.put(entry.getKey(), System.nanoTime() - RETRY_NANOS - 1);   // read again on next use
            }
        }
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
