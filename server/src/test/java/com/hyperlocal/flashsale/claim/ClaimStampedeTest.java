package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many shoppers at the same instant, through real HTTP, checked in the database afterwards. */
@IntegrationTest
class ClaimStampedeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void thousandUsersOnHundredUnitsGetExactlyHundredVouchersAndNobodyTwice() throws Exception {
        UUID deal = api.createDeal("Stampede", 12.97, 77.59, 100);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            users.add("shopper-" + i);
        }

        List<TestApi.Answer> answers = allAtOnce(users, user -> api.claim(deal, user));

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(TestApi.Answer::status, Collectors.counting()));
        assertThat(byStatus).containsEntry(201, 100L).containsEntry(409, 900L).hasSize(2);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.json().get("type").asString()).isEqualTo("urn:flashsale:problem:sold-out"));
        assertDatabase(deal, 100, 0);
    }

    @Test
    void oneUserClaimingHundredTimesInParallelGetsExactlyOneVoucher() throws Exception {
        UUID deal = api.createDeal("Greedy", 12.97, 77.59, 50);
        List<String> sameUser = java.util.Collections.nCopies(100, "greedy-user");

        List<TestApi.Answer> answers = allAtOnce(sameUser, user -> api.claim(deal, user));

        List<TestApi.Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        String claimId = created.get(0).json().get("id").asString();
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(99).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.json().get("type").asString()).isEqualTo("urn:flashsale:problem:already-claimed");
            assertThat(a.json().get("claimId").asString()).isEqualTo(claimId);
        });
        assertDatabase(deal, 1, 49);
    }

    private void assertDatabase(UUID deal, int claims, int remaining) {
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d").param("d", deal)
                .query(Integer.class).single()).isEqualTo(claims);
        assertThat(jdbc.sql("SELECT count(DISTINCT user_id) FROM claims WHERE deal_id = :d").param("d", deal)
                .query(Integer.class).single()).isEqualTo(claims);
        assertThat(jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d").param("d", deal)
                .query(Integer.class).single()).isEqualTo(remaining);
    }

    /** Runs every call on its own thread, released together by one latch. */
    static <T, R> List<R> allAtOnce(List<T> inputs, Function<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch ready = new CountDownLatch(inputs.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(input);
                }));
            }
            ready.await();
            go.countDown();
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
