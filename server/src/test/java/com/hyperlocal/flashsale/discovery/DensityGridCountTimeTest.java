package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The density grid tells when it was counted, so an operator (or the benchmark, after a bulk
 * import) can see whether the grid in use already knows the current deals. Built by hand on the
 * real database so the shared server's grid is not disturbed.
 */
@IntegrationTest
class DensityGridCountTimeTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCountTimeGaugeIsUnknownBeforeTheFirstCountAndThenTheTimeOfTheLatest() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DensityGrid grid = new DensityGrid(DiscoveryReads.primaryOnly(jdbc), meters);
        assertThat(countTime(meters)).isNaN();

        grid.refresh(Instant.parse("2026-11-24T10:00:00.250Z"));
        assertThat(countTime(meters))
                .isEqualTo(Instant.parse("2026-11-24T10:00:00.250Z").toEpochMilli() / 1000.0);

        grid.refresh(Instant.parse("2026-11-24T10:01:00Z"));
        assertThat(countTime(meters))
                .isEqualTo(Instant.parse("2026-11-24T10:01:00Z").getEpochSecond());
    }

    private static double countTime(SimpleMeterRegistry meters) {
        return meters.get("flashsale.discovery.density.count.time").gauge().value();
    }
}
