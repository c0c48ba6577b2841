package com.hyperlocal.flashsale.claim;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lockLease how long a Redis lease on a deal lives if its holder dies
 * @param lockWait  how long one batch leader waits for the lease before answering lock-busy
 * @param maxBatch  most claims committed in one transaction
 */
@ConfigurationProperties("flashsale.claims")
record ClaimProperties(Duration lockLease, Duration lockWait, int maxBatch) {

    ClaimProperties {
        lockLease = lockLease != null ? lockLease : Duration.ofSeconds(5);
        lockWait = lockWait != null ? lockWait : Duration.ofSeconds(2);
        maxBatch = maxBatch > 0 ? maxBatch : 256;
    }

    /** A caller's whole budget: waiting its turn behind one batch, then its own lease wait. */
    Duration callerBudget() {
        return lockWait.multipliedBy(2).plus(lockLease);
    }
}
