package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.claim.Lanes.Lane;
import com.hyperlocal.flashsale.infra.DaemonThreads;
import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Group commit per deal and per instance. Requests for a deal queue in its lane and wait for their
 * own answer; one drainer per busy lane takes the Redis lock once, drains up to {@code maxBatch}
 * queued requests, commits them in one transaction, answers them, releases the lock, and repeats
 * while requests keep arriving. A stampede then costs one lock round trip and one commit per batch
 * instead of per claim, every request is answered only after its claim is durable, and waiting
 * requests never hand a lock to each other (no convoy).
 *
 * <p>Thread-safe. Every wait is bounded: a request not taken into a batch within
 * {@code queue-wait} leaves the queue and is answered lock-busy (nothing written for it); one taken
 * into a batch that does not answer within {@code batch-timeout} is answered claim-outcome-unknown
 * (its commit may be in flight; the batch itself ends on the JDBC socket timeout).
 */
@Component
class ClaimCoordinator {

    private final Lanes lanes;
    private final ExecutorService drainers = Executors.newCachedThreadPool(DaemonThreads.numbered("claim-drainer-"));
    private final DealLock lock;
    private final ClaimWriter writer;
    private final ClaimIndex index;
    private final VoucherIssuer vouchers;
    private final ClaimProperties properties;
    private final ClaimMetrics metrics;
    private final SoldOutDeals soldOut;
    private final Clock clock;

    ClaimCoordinator(
            DealLock lock,
            ClaimWriter writer,
            ClaimIndex index,
            VoucherIssuer vouchers,
            ClaimProperties properties,
            ClaimMetrics metrics,
            SoldOutDeals soldOut,
            Clock clock,
            MeterRegistry meters) {
        this.lanes = new Lanes(properties, meters);
        this.lock = lock;
        this.writer = writer;
        this.index = index;
        this.vouchers = vouchers;
        this.properties = properties;
        this.metrics = metrics;
        this.soldOut = soldOut;
        this.clock = clock;
    }

    ClaimOutcome claim(UUID dealId, String userId) {
        Lane lane = lanes.of(dealId);
        PendingClaim mine = new PendingClaim(userId, signAhead(lane.terms, dealId, userId));
        lane.queue.add(mine);
        startDrainer(dealId, lane);
        try {
            if (!mine.awaitDone(properties.queueWait().toNanos()) && lane.queue.remove(mine)) {
                throw new LockBusyException(dealId); // never taken into a batch: nothing written
            }
            return mine.join(properties.batchTimeout().toNanos());
        } catch (TimeoutException e) {
            throw new ClaimOutcomeUnknownException(dealId, null); // in a batch whose commit may be in flight
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (lane.queue.remove(mine)) {
                throw new LockBusyException(dealId);
            }
            throw new ClaimOutcomeUnknownException(dealId, e);
        }
    }

    /** Lanes in memory, after pending evictions (for the gauge's tests). */
    long laneCount() {
        return lanes.size();
    }

    private void startDrainer(UUID dealId, Lane lane) {
        if (lane.draining.compareAndSet(false, true)) {
            drainers.execute(() -> drain(dealId, lane));
        }
    }

    /** Runs batches while the lane has requests; the re-check after letting go closes the race with a late arrival. */
    private void drain(UUID dealId, Lane lane) {
        do {
            try {
                while (!lane.queue.isEmpty()) {
                    runBatch(dealId, lane);
                }
            } finally {
                lane.draining.set(false);
            }
        } while (!lane.queue.isEmpty() && lane.draining.compareAndSet(false, true));
    }

    private void runBatch(UUID dealId, Lane lane) {
        DealLock.Lease lease;
        long started = System.nanoTime();
        try {
            lease = lock.acquire(dealId);
            metrics.lockWaited(System.nanoTime() - started);
        } catch (RuntimeException e) {
            // Lock busy past the wait, or Redis down: every queued request gets that answer now.
            failAll(drain(lane.queue), e);
            return;
        }
        List<PendingClaim> batch = List.of();
        ClaimWriter.BatchResult result;
        try {
            batch = drain(lane.queue);
            if (batch.isEmpty()) {
                return;
            }
            long writeStarted = System.nanoTime();
            result = writer.write(dealId, batch, clock.instant().truncatedTo(ChronoUnit.MICROS), lane.terms);
            metrics.batchWritten(batch.size(), System.nanoTime() - writeStarted);
        } catch (RuntimeException e) {
            failAll(batch, BatchFailure.answerFor(dealId, e));
            return;
        } finally {
            lock.release(lease);
        }
        // After the lock is free (the claims are committed) but before answering, so that a user who
        // saw their 201 and asks again is answered from the index.
        lane.terms = result.terms();
        if (result.outcomes().values().stream().anyMatch(o -> o instanceof ClaimOutcome.DealMissing)) {
            lanes.dropIfIdle(dealId, lane); // a made-up deal id must not keep a lane
        }
        if (result.remainingAfter() == 0
                && result.outcomes().values().stream()
                        .noneMatch(o -> o instanceof ClaimOutcome.NotActive || o instanceof ClaimOutcome.DealMissing)) {
            soldOut.markSoldOut(dealId);
        }
        index.remember(dealId, held(result));
        for (PendingClaim p : batch) {
            p.complete(Objects.requireNonNull(result.outcomes().get(p), "the writer answers every claim of its batch"));
        }
    }

    /**
     * Signs the voucher in the caller's thread, in parallel with other requests and outside every
     * lock; the batch checks the terms again under the row lock and signs afresh if they changed.
     */
    private Optional<PreSigned> signAhead(ClaimWriter.@Nullable DealTerms terms, UUID dealId, String userId) {
        if (terms == null) {
            return Optional.empty();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!at.isBefore(terms.validUntil()) || at.isBefore(terms.validFrom())) {
            return Optional.empty();
        }
        VoucherIssuer.Session session = vouchers.session();
        UUID claimId = UUID.randomUUID();
        Instant expiresAt = VoucherIssuer.expiryFor(terms.validUntil());
        String token = session.sign(claimId, userId, dealId, terms.merchantId(), at, expiresAt);
        return Optional.of(new PreSigned(claimId, at, token, session.kid(), terms.merchantId(), expiresAt));
    }

    private static List<Claim> held(ClaimWriter.BatchResult result) {
        List<Claim> held = new ArrayList<>();
        for (ClaimOutcome outcome : result.outcomes().values()) {
            switch (outcome) {
                case ClaimOutcome.Granted(Claim claim) -> held.add(claim);
                case ClaimOutcome.AlreadyHeld(Claim claim) -> held.add(claim);
                case ClaimOutcome.SoldOut soldOut -> {}
                case ClaimOutcome.NotActive notActive -> {}
                case ClaimOutcome.DealMissing missing -> {}
            }
        }
        return held;
    }

    private List<PendingClaim> drain(Queue<PendingClaim> queue) {
        List<PendingClaim> batch = new ArrayList<>();
        PendingClaim next;
        while (batch.size() < properties.maxBatch() && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private static void failAll(List<PendingClaim> batch, RuntimeException answer) {
        batch.forEach(p -> p.fail(answer));
    }

    @PreDestroy
    void stop() {
        drainers.shutdown();
    }
}
