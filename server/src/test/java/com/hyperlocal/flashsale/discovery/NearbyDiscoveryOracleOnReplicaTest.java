package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.DealRows.Row;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole discovery oracle with every search statement (rings, tile loads, density count) read
 * from a physical streaming standby of the primary the rows are written to. After each insert
 * the test waits for the standby to replay it, as a client would wait out the lag bound.
 */
@DirtiesContext
class NearbyDiscoveryOracleOnReplicaTest extends NearbyDiscoveryOracleTest {

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        StreamingReplica.configure(registry);
    }

    @Override
    void insert(List<Row> rows) {
        super.insert(rows);
        StreamingReplica.shared().awaitCaughtUp();
        StreamingReplica.shared().awaitVisible(rows.stream().map(Row::id).toList());
    }

    @AfterAll
    void theSearchesReadTheReplicaNotThePrimary() {
        assertThat(reads("replica", "fresh")).isGreaterThan(QUERIES * 4);
        // The first searches may come before the first probe; none after it fell back.
        assertThat(reads("primary", "down") + reads("primary", "error")).isZero();
        assertThat(reads("primary", "lag")).isLessThan(50);
    }

    private double reads(String target, String reason) {
        return meters.get("flashsale.discovery.reads")
                .tag("target", target)
                .tag("reason", reason)
                .counter()
                .count();
    }
}
