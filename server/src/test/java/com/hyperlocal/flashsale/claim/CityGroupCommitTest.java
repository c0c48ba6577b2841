package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A city of small sales: claims for many deals at once, through real HTTP, checked in the database. */
@IntegrationTest
class CityGroupCommitTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void claimsForManyDealsArrivingTogetherShareTransactionsAndEachDealKeepsItsLimit() throws Exception {
        TestApi api = new TestApi(port);
        List<UUID> deals = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            deals.add(api.createDeal("Corner shop " + d, 12.97, 77.59, 3));
        }
        // 5 shoppers a deal, 3 units each, and every shopper of deal 0 also asks twice.
        List<Map.Entry<UUID, String>> requests = new ArrayList<>();
        for (int d = 0; d < deals.size(); d++) {
            for (int u = 0; u < 5; u++) {
                requests.add(Map.entry(deals.get(d), "city-" + d + "-" + u));
            }
        }
        for (int u = 0; u < 5; u++) {
            requests.add(Map.entry(deals.get(0), "city-0-" + u));
        }
        DistributionSummary dealsPerBatch =
                meters.get("flashsale.claims.batch.deals").summary();
        double dealsBefore = dealsPerBatch.totalAmount();
        long batchesBefore = dealsPerBatch.count();

        List<TestApi.Answer> answers = ClaimStampedeTest.allAtOnce(requests, r -> api.claim(r.getKey(), r.getValue()));

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(TestApi.Answer::status, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(40L * 3);
        for (UUID deal : deals) {
            assertThat(jdbc.sql("SELECT count(*), count(DISTINCT user_id), (SELECT remaining_inventory FROM deals"
                                    + " WHERE id = :d) FROM claims WHERE deal_id = :d")
                            .param("d", deal)
                            .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                            .single())
                    .as("claims, holders, remaining of %s", deal)
                    .containsExactly(3, 3, 0);
        }
        double carried = dealsPerBatch.totalAmount() - dealsBefore;
        long batches = dealsPerBatch.count() - batchesBefore;
        assertThat(carried)
                .as("%s batches carried %s deals: some transaction committed several deals", batches, carried)
                .isGreaterThan(batches);
    }

    @Test
    void theFirstClaimOfADealNewToThisInstanceIsSignedAheadOutsideTheLock() {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("New on this instance", 12.97, 77.59, 5);
        double ahead = signed("ahead");
        double inBatch = signed("batch");

        assertThat(api.claim(deal, "first-of-the-evening").status()).isEqualTo(201);

        assertThat(signed("ahead") - ahead).isEqualTo(1);
        assertThat(signed("batch") - inBatch).isZero();
    }

    private double signed(String where) {
        return meters.get("flashsale.vouchers.signed")
                .tag("where", where)
                .counter()
                .count();
    }
}
