package com.hyperlocal.flashsale.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import com.hyperlocal.flashsale.web.DependencyFailures;
import com.hyperlocal.flashsale.web.DependencyUnavailableException;
import org.springframework.stereotype.Component;

/**
 * Group commit per deal and per instance. Requests for a deal queue in its lane; whichever request
 * thread gets the lane's turn takes the Redis lock once, drains up to {@code maxBatch} queued
 * requests — its own and others' — commits them in one transaction, answers them all, and releases
 * the lock. A stampede then costs one lock round trip and one commit per batch instead of per claim,
 * and every request is still answered only after its claim is durable.
 *
 * <p>Thread-safe. A request that never got into a batch before its budget ran out is removed from
 * the queue and answered lock-busy, so nothing is written for it.
 */
@Component
class ClaimCoordinator {

    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<UUID> soldOut = ConcurrentHashMap.newKeySet();
    private final DealLock lock;
    private final ClaimWriter writer;
    private final ClaimIndex index;
    private final VoucherIssuer vouchers;
    private final ClaimProperties properties;
    private final Clock clock;

    ClaimCoordinator(DealLock lock, ClaimWriter writer, ClaimIndex index, VoucherIssuer vouchers,
            ClaimProperties properties, Clock clock) {
        this.lock = lock;
        this.writer = writer;
        this.index = index;
        this.vouchers = vouchers;
        this.properties = properties;
        this.clock = clock;
    }

    private static final class Lane {
        final Queue<PendingClaim> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock turn = new ReentrantLock();
        /** The deal's terms as last seen by a batch; lets request threads sign vouchers ahead. */
        volatile ClaimWriter.DealTerms terms;
    }

    /** True once this instance has seen the deal reach zero; inventory never comes back. */
    boolean knownSoldOut(UUID dealId) {
        return soldOut.contains(dealId);
    }

    ClaimOutcome claim(UUID dealId, String userId) {
        Lane lane = lanes.computeIfAbsent(dealId, id -> new Lane());
        PendingClaim mine = new PendingClaim(userId, signAhead(lane.terms, dealId, userId));
        lane.queue.add(mine);
        long deadline = System.nanoTime() + properties.callerBudget().toNanos();
        try {
            while (!mine.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !lane.turn.tryLock(left, TimeUnit.NANOSECONDS)) {
                    return giveUp(lane, mine, new LockBusyException(dealId));
                }
                try {
                    if (!mine.isDone()) {
                        runBatch(dealId, lane);
                    }
                } catch (RuntimeException e) {
                    return giveUp(lane, mine, e);
                } finally {
                    lane.turn.unlock();
                }
            }
            return mine.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return giveUp(lane, mine, new LockBusyException(dealId));
        }
    }

    /**
     * Signs the voucher in the caller's thread, in parallel with other requests and outside every
     * lock; the batch checks the terms again under the row lock and signs afresh if they changed.
     */
    private PreSigned signAhead(ClaimWriter.DealTerms terms, UUID dealId, String userId) {
        if (terms == null) {
            return null;
        }
        VoucherIssuer.Session session = vouchers.session();
        UUID claimId = UUID.randomUUID();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = VoucherIssuer.expiryFor(terms.validUntil());
        if (!at.isBefore(terms.validUntil()) || at.isBefore(terms.validFrom())) {
            return null;
        }
        String token = session.sign(claimId, userId, dealId, terms.merchantId(), at, expiresAt);
        return new PreSigned(claimId, at, token, session.kid(), terms.merchantId(), expiresAt);
    }

    /** Leaves the queue if still in it (nothing written); otherwise a batch has it and will answer. */
    private ClaimOutcome giveUp(Lane lane, PendingClaim mine, RuntimeException reason) {
        if (lane.queue.remove(mine)) {
            throw reason;
        }
        return mine.join();
    }

    private void runBatch(UUID dealId, Lane lane) {
        DealLock.Lease lease = lock.acquire(dealId);
        try {
            List<PendingClaim> batch = drain(lane.queue);
            if (batch.isEmpty()) {
                return;
            }
            try {
                ClaimWriter.BatchResult result = writer.write(dealId, batch, clock.instant().truncatedTo(ChronoUnit.MICROS));
                lane.terms = result.terms();
                if (result.remainingAfter() == 0 && result.outcomes().values().stream()
                        .noneMatch(o -> o instanceof ClaimOutcome.NotActive || o instanceof ClaimOutcome.DealMissing)) {
                    soldOut.add(dealId);
                }
                batch.forEach(p -> p.complete(result.outcomes().get(p)));
                index.remember(dealId, held(result));
            } catch (RuntimeException e) {
                RuntimeException answer = translate(e);
                batch.forEach(p -> p.fail(answer));
            }
        } finally {
            lock.release(lease);
        }
    }

    private static List<Claim> held(ClaimWriter.BatchResult result) {
        List<Claim> held = new ArrayList<>();
        for (ClaimOutcome outcome : result.outcomes().values()) {
            if (outcome instanceof ClaimOutcome.Granted granted) {
                held.add(granted.claim());
            } else if (outcome instanceof ClaimOutcome.AlreadyHeld already) {
                held.add(already.claim());
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

    private static RuntimeException translate(RuntimeException e) {
        return DependencyFailures.isUnavailable(e) ? new DependencyUnavailableException("The database", e) : e;
    }
}
