package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.web.NotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The claim engine's in-memory maps keyed by client input stay bounded under 100k distinct deal ids. */
@IntegrationTest
class BoundedClaimMapsTest {

    @Autowired
    ClaimService claims;

    @Autowired
    ClaimCoordinator coordinator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void lanesStayWithinMaxLanesFor100kDistinctDeals() {
        ClaimProperties bounded =
                new ClaimProperties(null, null, 0, 0, 0, null, null, 1_000, Duration.ofMinutes(10), 0);
        Lanes lanes = new Lanes(bounded, new SimpleMeterRegistry());
        for (int i = 0; i < 100_000; i++) {
            lanes.of(UUID.randomUUID());
        }
        assertThat(lanes.size()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void claimsOnMadeUpDealsLeaveNoLaneBehind() {
        long before = coordinator.laneCount();
        for (int i = 0; i < 2_000; i++) {
            assertThat(catchThrowable(() -> claims.claim(UUID.randomUUID(), "prowler")))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(coordinator.laneCount()).isLessThanOrEqualTo(before);
        assertThat(meters.get("flashsale.claims.lanes").gauge().value()).isLessThanOrEqualTo(before);
    }

    @Test
    void soldOutHoldersStayWithinTheirMemoryBoundFor100kDistinctDeals() {
        long maxBytes = 1 << 20;
        ClaimProperties bounded = new ClaimProperties(null, null, 0, 0, 0, null, null, 0, null, maxBytes);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoldOutDeals soldOut = new SoldOutDeals(jdbc, bounded, registry);
        try {
            for (int i = 0; i < 100_000; i++) {
                soldOut.markSoldOut(UUID.randomUUID());
            }
            assertThat(soldOut.size()).isLessThanOrEqualTo(maxBytes / SoldOutDeals.DEAL_BYTES);
            assertThat(registry.get("flashsale.claims.soldout.bytes").gauge().value())
                    .isLessThanOrEqualTo(maxBytes);
        } finally {
            soldOut.stop();
        }
    }
}
