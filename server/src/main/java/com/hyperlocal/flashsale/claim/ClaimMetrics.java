package com.hyperlocal.flashsale.claim;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Per-stage timings of the group commit, so a benchmark can show where a batch's time goes:
 * waiting for the deal's Redis lock, the database transaction, and how many claims and deals each
 * carried.
 * Meters are registered once; recording is a few atomic adds.
 */
@Component
class ClaimMetrics {

    private final Timer lockWait;
    private final Timer write;
    private final DistributionSummary batchSize;
    private final DistributionSummary batchDeals;

    ClaimMetrics(MeterRegistry meters) {
        this.lockWait = Timer.builder("flashsale.claims.lock.wait")
                .description("Time a batch waited for the deal's Redis lock")
                .register(meters);
        this.write = Timer.builder("flashsale.claims.batch.write")
                .description("Time of a batch's database transaction, commit included")
                .register(meters);
        this.batchSize = DistributionSummary.builder("flashsale.claims.batch.size")
                .description("Claim requests committed in one transaction")
                .register(meters);
        this.batchDeals = DistributionSummary.builder("flashsale.claims.batch.deals")
                .description("Deals whose claims were committed in one transaction")
                .register(meters);
    }

    void lockWaited(long nanos) {
        lockWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batchWritten(int size, int deals, long nanos) {
        batchSize.record(size);
        batchDeals.record(deals);
        write.record(nanos, TimeUnit.NANOSECONDS);
    }
}
