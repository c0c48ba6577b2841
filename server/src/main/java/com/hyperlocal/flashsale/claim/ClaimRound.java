package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.claim.ClaimWriter.BatchResult;
import com.hyperlocal.flashsale.claim.ClaimWriter.DealBatch;
import com.hyperlocal.flashsale.claim.ClaimWriter.DealWrite;
import com.hyperlocal.flashsale.claim.Lanes.Lane;
import com.hyperlocal.flashsale.web.DependencyFailures;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * One group commit over the lanes a committer took: the locks of all their deals in one Redis round
 * trip, their queued requests in one transaction, the locks freed in one round trip, then every
 * request answered. Deals whose lock another instance holds wait for a later round, up to
 * {@code lock-wait}; then their requests are answered lock-busy (nothing written).
 */
final class ClaimRound {

    /** Where each lane goes after the round. */
    record Settled(List<Lane> done, List<Lane> waitingForLock) {}

    private final DealLock lock;
    private final ClaimWriter writer;
    private final ClaimAnswers answers;
    private final ClaimProperties properties;
    private final ClaimMetrics metrics;
    private final Clock clock;

    ClaimRound(
            DealLock lock,
            ClaimWriter writer,
            ClaimAnswers answers,
            ClaimProperties properties,
            ClaimMetrics metrics,
            Clock clock) {
        this.lock = lock;
        this.writer = writer;
        this.answers = answers;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    Settled run(List<Lane> lanes) {
        List<UUID> deals = lanes.stream()
                .map(l -> l.dealId)
                .sorted(ClaimWriter.DATABASE_ORDER)
                .toList();
        long started = System.nanoTime();
        DealLock.Lease lease;
        try {
            lease = lock.tryAcquire(deals);
        } catch (RuntimeException e) { // Redis down: every queued request gets that answer now
            lanes.forEach(l -> failAll(drain(l.queue, Integer.MAX_VALUE), e));
            lanes.forEach(l -> l.lockWaitStarted = 0);
            return new Settled(lanes, List.of());
        }
        Set<UUID> held = new HashSet<>(lease.deals());
        List<Lane> done = new ArrayList<>();
        List<Lane> waiting = new ArrayList<>();
        List<Lane> locked = new ArrayList<>();
        for (Lane lane : lanes) {
            long since = lane.lockWaitStarted != 0 ? lane.lockWaitStarted : started;
            if (held.contains(lane.dealId)) {
                metrics.lockWaited(System.nanoTime() - since);
                lane.lockWaitStarted = 0;
                locked.add(lane);
                done.add(lane);
            } else if (System.nanoTime() - since > properties.lockWait().toNanos()) {
                lane.lockWaitStarted = 0;
                failAll(drain(lane.queue, Integer.MAX_VALUE), new LockBusyException(lane.dealId));
                done.add(lane);
            } else {
                lane.lockWaitStarted = since;
                waiting.add(lane);
            }
        }
        List<Runnable> answersAfterRelease = List.of();
        try {
            answersAfterRelease = commit(locked);
        } finally {
            lock.release(lease); // before answering: the claims are committed, the locks' work is done
        }
        answersAfterRelease.forEach(Runnable::run);
        return new Settled(done, waiting);
    }

    /** Writes the locked lanes' queued requests (at most {@code max-batch} in all); returns their answers. */
    private List<Runnable> commit(List<Lane> locked) {
        Map<UUID, Lane> byDeal = new HashMap<>();
        List<DealBatch> batches = new ArrayList<>();
        int budget = properties.maxBatch();
        for (Lane lane : locked) {
            List<PendingClaim> batch = drain(lane.queue, budget);
            budget -= batch.size();
            if (!batch.isEmpty()) {
                batches.add(new DealBatch(lane.dealId, batch, lane.terms));
                byDeal.put(lane.dealId, lane);
            }
        }
        if (batches.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long writeStarted = System.nanoTime();
        Map<UUID, DealWrite> written = write(batches, now);
        metrics.batchWritten(
                batches.stream().mapToInt(b -> b.claims().size()).sum(),
                batches.size(),
                System.nanoTime() - writeStarted);
        List<Runnable> answers = new ArrayList<>();
        for (DealBatch batch : batches) {
            Lane lane = Objects.requireNonNull(byDeal.get(batch.dealId()));
            switch (Objects.requireNonNull(written.get(batch.dealId()), "every deal of the batch is answered")) {
                case DealWrite.Written(BatchResult result) ->
                    answers.add(() -> this.answers.deliver(lane, batch.claims(), result));
                case DealWrite.Failed(RuntimeException cause) ->
                    answers.add(() -> failAll(batch.claims(), BatchFailure.answerFor(batch.dealId(), cause)));
            }
        }
        return answers;
    }

    /**
     * One statement for all the deals. If it fails for a reason other than an unavailable database
     * (nothing was written: the statement is atomic), each deal is written alone, so that one
     * faulty deal fails only its own requests.
     */
    private Map<UUID, DealWrite> write(List<DealBatch> batches, Instant now) {
        if (batches.size() > 1) {
            try {
                return writer.writeAll(batches, now);
            } catch (RuntimeException e) {
                if (DependencyFailures.isUnavailable(e)) {
                    Map<UUID, DealWrite> failed = new HashMap<>();
                    batches.forEach(b -> failed.put(b.dealId(), new DealWrite.Failed(e)));
                    return failed;
                }
            }
        }
        Map<UUID, DealWrite> results = new HashMap<>();
        for (DealBatch b : batches) {
            try {
                results.put(b.dealId(), new DealWrite.Written(writer.write(b.dealId(), b.claims(), now, b.believed())));
            } catch (RuntimeException e) {
                results.put(b.dealId(), new DealWrite.Failed(e));
            }
        }
        return results;
    }

    private static List<PendingClaim> drain(Queue<PendingClaim> queue, int max) {
        List<PendingClaim> batch = new ArrayList<>();
        PendingClaim next;
        while (batch.size() < max && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private static void failAll(List<PendingClaim> batch, RuntimeException answer) {
        batch.forEach(p -> p.fail(answer));
    }
}
