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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Group commit per instance, across deals. Requests for a deal queue in its lane and wait for their
 * own answer; a lane with requests is put on the ready queue once. A few committer threads each take
 * every ready lane (up to {@code max-batch-deals}) and run one {@link ClaimRound}: the locks of all
 * their deals in one Redis round trip, all their requests in one transaction, the locks freed, the
 * requests answered. A hot deal then costs one lock round trip and one commit per batch instead of
 * per claim, and so does a city of small sales where each deal has one claim at a time; every
 * request is answered only after its claim is durable, and waiting requests never hand a lock to
 * each other (no convoy).
 *
 * <p>Thread-safe. Every wait is bounded: a request not taken into a batch within
 * {@code queue-wait} leaves the queue and is answered lock-busy (nothing written for it); one taken
 * into a batch that does not answer within {@code batch-timeout} is answered claim-outcome-unknown
 * (its commit may be in flight; the batch itself ends on the JDBC socket timeout). A deal whose lock
 * another instance holds is retried every ~1–2 ms, up to {@code lock-wait}.
 */
@Component
class ClaimCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ClaimCoordinator.class);
    /** A retry soon after the other instance's batch ends, without spinning on Redis (docs/benchmarks.md). */
    private static final long RETRY_MICROS = 1_000;

    private final Lanes lanes;
    private final BlockingQueue<Lane> ready = new LinkedBlockingQueue<>();
    private final ExecutorService committers;
    private final ScheduledExecutorService lockRetries =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("claim-lock-retry"));
    private final ClaimRound round;
    private final VoucherIssuer vouchers;
    private final DealTermsReader terms;
    private final ClaimProperties properties;
    private final Clock clock;

    ClaimCoordinator(
            DealLock lock,
            ClaimWriter writer,
            DealTermsReader terms,
            ClaimIndex index,
            VoucherIssuer vouchers,
            ClaimProperties properties,
            ClaimMetrics metrics,
            SoldOutDeals soldOut,
            Clock clock,
            MeterRegistry meters) {
        this.lanes = new Lanes(properties, meters);
        this.round = new ClaimRound(lock, writer, new ClaimAnswers(lanes, index, soldOut), properties, metrics, clock);
        this.vouchers = vouchers;
        this.terms = terms;
        this.properties = properties;
        this.clock = clock;
        this.committers =
                Executors.newFixedThreadPool(properties.committers(), DaemonThreads.numbered("claim-committer-"));
        for (int i = 0; i < properties.committers(); i++) {
            committers.execute(this::commitWhileRunning);
        }
    }

    ClaimOutcome claim(UUID dealId, String userId) {
        Lane lane = lanes.of(dealId);
        PendingClaim mine = new PendingClaim(userId, signAhead(termsOf(lane), dealId, userId));
        lane.queue.add(mine);
        schedule(lane);
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

    /** The lane's terms; the first request of a new lane reads them, so that it can sign ahead too. */
    private ClaimWriter.@Nullable DealTerms termsOf(Lane lane) {
        ClaimWriter.DealTerms known = lane.terms;
        if (known != null || !lane.termsRead.compareAndSet(false, true)) {
            return known;
        }
        Optional<ClaimWriter.DealTerms> read = terms.find(lane.dealId);
        read.ifPresent(t -> {
            if (lane.terms == null) {
                lane.terms = t; // a batch's answer, if one came meanwhile, is as fresh
            }
        });
        return read.orElse(null);
    }

    /** Lanes in memory, after pending evictions (for the gauge's tests). */
    long laneCount() {
        return lanes.size();
    }

    private void schedule(Lane lane) {
        if (lane.scheduled.compareAndSet(false, true)) {
            ready.add(lane);
        }
    }

    /** Lets a lane go after a round; the re-check closes the race with a request that came meanwhile. */
    private void settle(Lane lane) {
        lane.scheduled.set(false);
        if (!lane.queue.isEmpty()) {
            schedule(lane);
        }
    }

    private void commitWhileRunning() {
        List<Lane> taken = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                taken.add(ready.take());
                ready.drainTo(taken, properties.maxBatchDeals() - 1);
                ClaimRound.Settled settled = round.run(taken);
                settled.done().forEach(this::settle);
                for (Lane lane : settled.waitingForLock()) {
                    long micros = RETRY_MICROS + ThreadLocalRandom.current().nextLong(RETRY_MICROS);
                    lockRetries.schedule(() -> ready.add(lane), micros, TimeUnit.MICROSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A bug in a round must not stop this committer; its requests time out, bounded.
                log.error("Claim round failed", e);
                taken.forEach(this::settle);
            } finally {
                taken.clear();
            }
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

    @PreDestroy
    void stop() {
        committers.shutdownNow();
        lockRetries.shutdownNow();
    }
}
