package com.hyperlocal.flashsale.discovery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Fine tiles of deals held in this instance's memory. A missing or expired tile is loaded once
 * however many requests want it at the same moment (they wait for the same future). The total is
 * capped: past {@code max-cached-deals} (an empty tile counts as one), expired tiles and then
 * arbitrary ones (hash order) are dropped until 90% of the cap remain. A request keeps the tiles it
 * already holds, so eviction never changes an answer, only what the next request must load.
 */
@Component
class TileCache {

    private final TileQuery query;
    private final TileGrid grid;
    private final Duration ttl;
    private final long maxWeight;
    private final Map<Long, CompletableFuture<Tile>> tiles = new ConcurrentHashMap<>();
    /** Deals (+1 per tile) of every loaded tile not yet forgotten; see {@link #forget}. */
    private final AtomicLong weight = new AtomicLong();

    private final AtomicBoolean trimming = new AtomicBoolean();
    private final Counter hits;
    private final Counter misses;
    private final Counter loads;
    private final Counter evictions;

    TileCache(TileQuery query, DiscoveryCacheProperties properties, MeterRegistry meters) {
        this.query = query;
        this.grid = new TileGrid(properties.tileSizeDeg());
        this.ttl = properties.tileTtl();
        this.maxWeight = properties.maxCachedDeals();
        this.hits = Counter.builder("flashsale.discovery.tiles")
                .tag("result", "hit")
                .register(meters);
        this.misses = Counter.builder("flashsale.discovery.tiles")
                .tag("result", "miss")
                .register(meters);
        this.loads = Counter.builder("flashsale.discovery.tile.loads").register(meters);
        this.evictions = Counter.builder("flashsale.discovery.tile.evictions").register(meters);
        Gauge.builder("flashsale.discovery.tile.cached.deals", weight, AtomicLong::get)
                .register(meters);
    }

    TileGrid grid() {
        return grid;
    }

    /** The tile, able to answer exactly at {@code now}: cached, shared with a load under way, or loaded now. */
    Tile get(long key, Instant now) {
        long nowMicros = Tile.micros(now);
        CompletableFuture<Tile> seen = tiles.get(key);
        if (seen != null && succeeded(seen)) {
            Tile ready = seen.join();
            if (ready.usableAt(nowMicros)) {
                hits.increment();
                return ready;
            }
        }
        misses.increment();
        if (seen != null && !seen.isDone()) {
            Tile shared = await(seen);
            if (shared.usableAt(nowMicros)) {
                return shared;
            }
        }
        return load(key, seen, now);
    }

    private Tile load(long key, @Nullable CompletableFuture<Tile> seen, Instant now) {
        CompletableFuture<Tile> mine = new CompletableFuture<>();
        boolean installed = seen == null ? tiles.putIfAbsent(key, mine) == null : tiles.replace(key, seen, mine);
        if (!installed) {
            // Another request installed a load in between: share it, or (rarely) load just for this one.
            CompletableFuture<Tile> other = tiles.get(key);
            Tile shared = other == null ? null : await(other);
            if (shared != null && shared.usableAt(Tile.micros(now))) {
                return shared;
            }
            loads.increment();
            return query.load(grid, key, now.minus(ttl), now.plus(spread(ttl)));
        }
        if (seen != null) {
            forget(seen);
        }
        try {
            // From now - ttl: a request whose clock read came just before ours may share this tile exactly.
            Tile tile = query.load(grid, key, now.minus(ttl), now.plus(spread(ttl)));
            loads.increment();
            weight.addAndGet(weightOf(tile)); // before complete(), so a forget() can never run first
            mine.complete(tile);
            trimIfOver(now);
            return tile;
        } catch (RuntimeException | Error e) {
            tiles.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * A tile stays for a random 50–100% of the ttl (its window is still exact): tiles loaded together
     * (at startup, after a burst) would otherwise all expire together and reload in one burst.
     */
    private static Duration spread(Duration ttl) {
        long nanos = ttl.toNanos();
        return Duration.ofNanos(
                nanos / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
    }

    /** Drops the tile holding this point, so the next search reloads it (also a load under way). */
    void evict(double lat, double lng) {
        query.listingChanged();
        evict(grid.keyOf(lat, lng));
    }

    void evict(long key) {
        CompletableFuture<Tile> removed = tiles.remove(key);
        if (removed != null) {
            forget(removed);
        }
    }

    /** Drops every tile whose window has passed (or not begun: a clock set back in tests). */
    void removeExpired(Instant now) {
        long nowMicros = Tile.micros(now);
        tiles.forEach((key, future) -> {
            if (succeeded(future) && !future.join().usableAt(nowMicros) && tiles.remove(key, future)) {
                forget(future);
            }
        });
    }

    /** For tests that write deals straight into PostgreSQL. */
    void clear() {
        tiles.forEach((key, future) -> {
            if (tiles.remove(key, future)) {
                forget(future);
            }
        });
    }

    long cachedWeight() {
        return weight.get();
    }

    int tileCount() {
        return tiles.size();
    }

    private void trimIfOver(Instant now) {
        if (weight.get() <= maxWeight || !trimming.compareAndSet(false, true)) {
            return;
        }
        try {
            removeExpired(now);
            long target = maxWeight - maxWeight / 10;
            for (Map.Entry<Long, CompletableFuture<Tile>> e : tiles.entrySet()) {
                if (weight.get() <= target) {
                    break;
                }
                if (succeeded(e.getValue()) && tiles.remove(e.getKey(), e.getValue())) {
                    forget(e.getValue());
                    evictions.increment();
                }
            }
        } finally {
            trimming.set(false);
        }
    }

    /** Takes a tile that left the map off the weight, once it has loaded (failed loads never counted). */
    private void forget(CompletableFuture<Tile> removed) {
        removed.thenAccept(tile -> weight.addAndGet(-weightOf(tile)));
    }

    private static long weightOf(Tile tile) {
        return 1L + tile.size();
    }

    private static boolean succeeded(CompletableFuture<Tile> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    private static Tile await(CompletableFuture<Tile> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
