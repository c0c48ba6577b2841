package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happens if the Redis lock misbehaves (a lease expires during a GC pause, so two holders
 * overlap)? Writers are run here with no lock at all: the database alone must still prevent
 * oversell and double issue.
 */
@IntegrationTest
class ClaimWriterWithoutLockTest {

    @LocalServerPort
    int port;

    @Autowired
    ClaimWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void overlappingBatchesWithNoLockStillNeverOversellOrDoubleIssue() throws Exception {
        UUID deal = new TestApi(port).createDeal("No lock", 1.0, 1.0, 30);
        // 20 concurrent batches of 10: 200 requests, 100 distinct users, so every user appears twice.
        List<List<PendingClaim>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            List<PendingClaim> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(new PendingClaim("user-" + ((b * 10 + i) % 100)));
            }
            batches.add(batch);
        }
        AtomicInteger granted = new AtomicInteger();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        ClaimStampedeTest.allAtOnce(batches, batch -> {
            ClaimWriter.BatchResult result = writer.write(deal, batch, now);
            result.outcomes().values().stream()
                    .filter(ClaimOutcome.Granted.class::isInstance)
                    .forEach(o -> granted.incrementAndGet());
            return result;
        });

        assertThat(granted.get()).isEqualTo(30);
        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT user_id) FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                        .single())
                .containsExactly(30, 30);
        assertThat(jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aBatchGrantsOnlyWhatIsLeftAndAnswersDuplicatesWithinTheBatch() {
        UUID deal = new TestApi(port).createDeal("Partial", 1.0, 1.0, 2);
        PendingClaim first = new PendingClaim("ana");
        PendingClaim again = new PendingClaim("ana");
        PendingClaim second = new PendingClaim("bo");
        PendingClaim late = new PendingClaim("cy");

        ClaimWriter.BatchResult result = writer.write(
                deal, List.of(first, again, second, late), Instant.now().truncatedTo(ChronoUnit.MICROS));

        ClaimOutcome firstOutcome = result.outcomes().get(first);
        assertThat(firstOutcome).isInstanceOf(ClaimOutcome.Granted.class);
        assertThat(result.outcomes().get(again))
                .isEqualTo(new ClaimOutcome.AlreadyHeld(((ClaimOutcome.Granted) firstOutcome).claim()));
        assertThat(result.outcomes().get(second)).isInstanceOf(ClaimOutcome.Granted.class);
        assertThat(result.outcomes().get(late)).isInstanceOf(ClaimOutcome.SoldOut.class);
        assertThat(result.remainingAfter()).isZero();
    }

    @Test
    void vouchersSignedForStaleTermsAreSignedAgainForTheDealsRealTerms() {
        UUID deal = new TestApi(port).createDeal("Terms", 1.0, 1.0, 5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID wrongMerchant = UUID.randomUUID();
        ClaimWriter.DealTerms stale =
                new ClaimWriter.DealTerms(wrongMerchant, now.minusSeconds(60), now.plusSeconds(60));
        PendingClaim p = new PendingClaim("di");

        ClaimWriter.BatchResult result = writer.write(deal, List.of(p), now, stale);

        Claim claim = ((ClaimOutcome.Granted) result.outcomes().get(p)).claim();
        ClaimWriter.DealTerms real = jdbc.sql("SELECT merchant_id, valid_from, valid_until FROM deals WHERE id = :d")
                .param("d", deal)
                .query((rs, n) -> new ClaimWriter.DealTerms(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .single();
        assertThat(result.terms()).isEqualTo(real);
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(claim.voucher().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"mid\":\"" + real.merchantId() + "\"").doesNotContain(wrongMerchant.toString());
        assertThat(jdbc.sql("SELECT voucher_token FROM claims WHERE id = :id")
                        .param("id", claim.id())
                        .query(String.class)
                        .single())
                .isEqualTo(claim.voucher());
    }
}
