package com.hyperlocal.flashsale.claim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The group-commit lanes, one per deal that has claims in flight on this instance. Keyed by a deal
 * id from the request, so bounded: at most {@code maxLanes}, an idle lane dropped after
 * {@code laneIdle}, and a lane whose deal turned out not to exist dropped at once. Dropping a lane
 * while requests still use it only costs batching: a new lane for the same deal gets its own
 * drainer, and the database keeps two writers correct.
 *
 * <p>Thread-safe. Gauge {@code flashsale.claims.lanes}.
 */
final class Lanes {

    static final class Lane {
        final UUID dealId;
        final Queue<PendingClaim> queue = new ConcurrentLinkedQueue<>();
        /** True while the lane is waiting for, or in, a batch: at most one batch at a time per lane. */
        final AtomicBoolean scheduled = new AtomicBoolean();
        /** The deal's terms as last seen by a batch; lets request threads sign vouchers ahead. */
        volatile ClaimWriter.@Nullable DealTerms terms;
        /** Set by the one request that reads the deal's terms for a new lane; the others do not wait for it. */
        final AtomicBoolean termsRead = new AtomicBoolean();
        /** When a batch first found the deal's lock taken by another instance; 0 when not waiting. */
        volatile long lockWaitStarted;

        Lane(UUID dealId) {
            this.dealId = dealId;
        }
    }

    private final Cache<UUID, Lane> lanes;

    Lanes(ClaimProperties properties, MeterRegistry meters) {
        this.lanes = Caffeine.newBuilder()
                .maximumSize(properties.maxLanes())
                .expireAfterAccess(properties.laneIdle())
                .executor(Runnable::run) // evict in the caller: the bound holds without a background pool
                .build();
        Gauge.builder("flashsale.claims.lanes", lanes, Cache::estimatedSize)
                .description("Deals with a group-commit lane in memory (bounded by flashsale.claims.max-lanes)")
                .register(meters);
    }

    Lane of(UUID dealId) {
        return lanes.get(dealId, Lane::new);
    }

    /** Forgets the lane of a deal that does not exist, unless a request is queued in it. */
    void dropIfIdle(UUID dealId, Lane lane) {
        if (lane.queue.isEmpty()) {
            lanes.asMap().remove(dealId, lane);
        }
    }

    long size() {
        lanes.cleanUp();
        return lanes.estimatedSize();
    }
}
