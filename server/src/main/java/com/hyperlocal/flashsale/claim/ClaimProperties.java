package com.hyperlocal.flashsale.claim;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lockLease    how long a Redis lease on a deal lives if its holder dies
 * @param lockWait     how long one batch leader waits for the lease before answering lock-busy
 * @param maxBatch     most claims committed in one transaction
 * @param maxBatchDeals most deals committed in one transaction
 * @param committers   threads that run batches; each holds one database connection while it writes
 * @param queueWait    how long a request waits to be taken into a batch; past it, it leaves the
 *                     queue and is answered lock-busy (nothing was written for it)
 * @param batchTimeout how long a request taken into a batch waits for the batch's answer; past it,
 *                     it is answered claim-outcome-unknown (the commit may have happened; a retry
 *                     returns the claim if so). The batch itself is bounded by the JDBC socket and
 *                     statement timeouts and the Redis command timeout.
 * @param maxLanes     most deals with a group-commit lane in memory (a lane is ~200 bytes); an idle
 *                     lane is dropped after {@code laneIdle}
 * @param laneIdle     how long an unused lane is kept
 * @param soldOutMaxBytes memory bound of the sold-out holders (8 bytes a holder, 64 a deal)
 */
@ConfigurationProperties("flashsale.claims")
record ClaimProperties(
        Duration lockLease,
        Duration lockWait,
        int maxBatch,
        int maxBatchDeals,
        int committers,
        Duration queueWait,
        Duration batchTimeout,
        int maxLanes,
        Duration laneIdle,
        long soldOutMaxBytes) {

    ClaimProperties {
        lockLease = positive(lockLease, Duration.ofSeconds(5));
        lockWait = positive(lockWait, Duration.ofSeconds(2));
        maxBatch = maxBatch > 0 ? maxBatch : 256;
        maxBatchDeals = maxBatchDeals > 0 ? maxBatchDeals : 64;
        committers = committers > 0 ? committers : 4;
        queueWait = positive(queueWait, Duration.ofSeconds(9));
        batchTimeout = positive(batchTimeout, Duration.ofSeconds(3));
        maxLanes = maxLanes > 0 ? maxLanes : 10_000;
        laneIdle = positive(laneIdle, Duration.ofMinutes(10));
        soldOutMaxBytes = soldOutMaxBytes > 0 ? soldOutMaxBytes : 64L << 20;
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value != null && !value.isNegative() && !value.isZero() ? value : otherwise;
    }
}
