package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
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

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void thousandTokenHoldersOnHundredUnitsGetExactlyHundredVouchersAndNobodyTwice() throws Exception {
        UUID deal = api.createDeal("Stampede", 12.97, 77.59, 100);
        // 1,000 distinct shoppers, each with a real RS256 token minted before the stampede starts.
        List<Map.Entry<String, String>> shoppers = TestIssuer.shared().tokens("shopper-", 1000);

        // A shopper told 503 (busy, or the outcome unknown) retries, as the answer invites: a retry is
        // safe, it is sold out, granted, or names the claim the first attempt did record.
        List<TestApi.Answer> answers = allAtOnce(shoppers, shopper -> untilAnswered(shopper.getValue(), deal));

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(TestApi.Answer::status, Collectors.counting()));
        List<TestApi.Answer> soldOut = answers.stream()
                .filter(a ->
                        a.status() == 409 && a.json().get("type").asString().equals("urn:flashsale:problem:sold-out"))
                .toList();
        List<TestApi.Answer> recordedOnRetry = answers.stream()
                .filter(a -> a.status() == 409
                        && a.json().get("type").asString().equals("urn:flashsale:problem:already-claimed"))
                .toList();
        assertThat(byStatus).as("every shopper has a final answer").containsOnlyKeys(201, 409);
        assertThat(answers.stream().filter(a -> a.status() == 201).count() + recordedOnRetry.size())
                .isEqualTo(100);
        assertThat(soldOut).hasSize(900);
        assertDatabase(deal, 100, 0);
        assertEveryVoucherVerifiesAndMatchesItsRow(
                answers.stream().filter(a -> a.status() == 201).toList());
        // Every holder is a token subject: those answered 201, and those whose retry named their claim.
        assertThat(jdbc.sql("SELECT user_id FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(String.class)
                        .set())
                .hasSize(100)
                .containsAll(answers.stream()
                        .filter(a -> a.status() == 201)
                        .map(a -> a.json().get("userId").asString())
                        .collect(Collectors.toSet()))
                .isSubsetOf(shoppers.stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
    }

    /** Claims until the answer is final (not 503), waiting as Retry-After says; at most 20 tries. */
    private TestApi.Answer untilAnswered(String token, UUID deal) {
        TestApi.Answer answer = api.claimWith(token, deal);
        for (int i = 0; i < 20 && answer.status() == 503; i++) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = api.claimWith(token, deal);
        }
        return answer;
    }

    /** Most of these vouchers were signed ahead in the request threads; each must still be exact. */
    private void assertEveryVoucherVerifiesAndMatchesItsRow(List<TestApi.Answer> created) throws Exception {
        VoucherVerifier verifier = VoucherVerifier.builder(
                        TrustedKeys.fromJwksJson(
                                api.get("/.well-known/jwks.json").raw().body()),
                        "https://flashsale.example",
                        api.merchant().id())
                .build();
        for (TestApi.Answer answer : created) {
            var claim = answer.json();
            VerificationResult result = verifier.verify(claim.get("voucher").asString());
            assertThat(result).isInstanceOf(VerificationResult.Valid.class);
            var inToken = ((VerificationResult.Valid) result).claims();
            assertThat(inToken.claimId().toString()).isEqualTo(claim.get("id").asString());
            assertThat(inToken.userId()).isEqualTo(claim.get("userId").asString());
            java.time.Instant stored = jdbc.sql("SELECT claimed_at FROM claims WHERE id = :id")
                    .param("id", inToken.claimId())
                    .query(java.sql.Timestamp.class)
                    .single()
                    .toInstant();
            assertThat(inToken.issuedAt()).isEqualTo(stored.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Test
    void onceTheDealIsKnownVouchersAreSignedAheadOutsideTheLock() throws Exception {
        UUID deal = api.createDeal("Signed ahead", 12.97, 77.59, 50);
        assertThat(api.claim(deal, "first").status()).isEqualTo(201); // the first batch learns the terms
        double before = meters.get("flashsale.vouchers.signed")
                .tag("where", "ahead")
                .counter()
                .count();

        List<TestApi.Answer> answers =
                allAtOnce(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"), user -> api.claim(deal, user));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(meters.get("flashsale.vouchers.signed")
                                .tag("where", "ahead")
                                .counter()
                                .count()
                        - before)
                .isEqualTo(8);
        assertEveryVoucherVerifiesAndMatchesItsRow(answers);
    }

    @Test
    void oneUserClaimingHundredTimesInParallelGetsExactlyOneVoucher() throws Exception {
        UUID deal = api.createDeal("Greedy", 12.97, 77.59, 50);
        List<String> sameUser = java.util.Collections.nCopies(100, "greedy-user");

        List<TestApi.Answer> answers = allAtOnce(sameUser, user -> api.claim(deal, user));

        List<TestApi.Answer> created =
                answers.stream().filter(a -> a.status() == 201).toList();
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
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isEqualTo(claims);
        assertThat(jdbc.sql("SELECT count(DISTINCT user_id) FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isEqualTo(claims);
        assertThat(jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isEqualTo(remaining);
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
