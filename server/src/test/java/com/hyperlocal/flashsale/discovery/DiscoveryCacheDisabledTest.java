package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With the cache switched off every search is the plain SQL search: a row written by SQL shows at once. */
@IntegrationTest
@TestPropertySource(properties = "flashsale.discovery.cache.enabled=false")
class DiscoveryCacheDisabledTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DiscoveryService service;

    @Autowired
    MeterRegistry meters;

    @Test
    void withTheCacheDisabledEverySearchAsksPostgresAndSeesNewRowsAtOnce() {
        double lat = 64.1;
        double lng = -21.9;
        Row first = Row.active("first", lat, lng);
        DealRows.insert(jdbc, first);
        assertThat(idsNear(lat, lng)).contains(first.id());
        Row second = Row.active("second", lat, lng + 0.0001);
        DealRows.insert(jdbc, second);
        assertThat(idsNear(lat, lng)).contains(first.id(), second.id());
        assertThat(meters.get("flashsale.discovery.rings").counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    private List<UUID> idsNear(double lat, double lng) {
        return service.nearby(new NearbyQuery(lat, lng, 0.25, 100)).deals().stream()
                .map(NearbyDeal::id)
                .toList();
    }
}
