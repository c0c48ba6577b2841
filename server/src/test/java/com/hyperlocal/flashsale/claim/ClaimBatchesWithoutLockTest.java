package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batches over many deals ({@code claim_batches}) run here with no Redis lock at all, overlapping
 * on the same deals: the database alone must still prevent oversell and double issue, and two
 * batches locking the same rows must wait for each other, never deadlock.
 */
@IntegrationTest
class ClaimBatchesWithoutLockTest {

    @LocalServerPort
    int port;

    @Autowired
    ClaimWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void overlappingBatchesOverManyDealsNeverOversellDoubleIssueOrDeadlock() throws Exception {
        TestApi api = new TestApi(port);
        List<UUID> deals = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            deals.add(api.createDeal("No lock, many deals " + d, 1.0, 1.0, 5));
        }
        // 24 concurrent batches, each over 8 of the 12 deals in a random order, 3 requests a deal drawn
        // from 10 users: every deal is in many batches at once and most users ask more than once.
        Random random = new Random(7);
        List<List<ClaimWriter.DealBatch>> batches = new ArrayList<>();
        for (int b = 0; b < 24; b++) {
            List<UUID> some = new ArrayList<>(deals);
            Collections.shuffle(some, random);
            List<ClaimWriter.DealBatch> batch = new ArrayList<>();
            for (UUID deal : some.subList(0, 8)) {
                List<PendingClaim> claims = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    claims.add(new PendingClaim("user-" + random.nextInt(10)));
                }
                batch.add(new ClaimWriter.DealBatch(deal, claims, null));
            }
            batches.add(batch);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        List<Map<UUID, ClaimWriter.DealWrite>> results =
                ClaimStampedeTest.allAtOnce(batches, batch -> writer.writeAll(batch, now));

        long granted = results.stream()
                .flatMap(r -> r.values().stream())
                .map(w -> ((ClaimWriter.DealWrite.Written) w).result())
                .flatMap(r -> r.outcomes().values().stream())
                .filter(ClaimOutcome.Granted.class::isInstance)
                .count();
        // Each deal grants as many as it has, to distinct users: min(users who asked for it, 5).
        long expected = batches.stream()
                .flatMap(List::stream)
                .collect(java.util.stream.Collectors.groupingBy(
                        ClaimWriter.DealBatch::dealId,
                        java.util.stream.Collectors.flatMapping(
                                b -> b.claims().stream().map(PendingClaim::userId),
                                java.util.stream.Collectors.toSet())))
                .values()
                .stream()
                .mapToLong(users -> Math.min(users.size(), 5))
                .sum();
        for (UUID deal : deals) {
            List<Integer> counts = jdbc.sql(
                            "SELECT count(*), count(DISTINCT user_id), (SELECT remaining_inventory FROM deals WHERE id = :d)"
                                    + " FROM claims WHERE deal_id = :d")
                    .param("d", deal)
                    .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                    .single();
            assertThat(counts.get(0))
                    .as("claims of %s", deal)
                    .isLessThanOrEqualTo(5)
                    .isEqualTo(counts.get(1));
            assertThat(counts.get(0) + counts.get(2))
                    .as("claims + remaining of %s", deal)
                    .isEqualTo(5);
        }
        int total = jdbc.sql("SELECT count(*) FROM claims WHERE deal_id IN (:ds)")
                .param("ds", deals)
                .query(Integer.class)
                .single();
        assertThat(granted)
                .as("each grant answered is a row, and no row was answered twice")
                .isEqualTo(total);
        assertThat((long) total).isEqualTo(expected);
    }

    @Test
    void aBatchOverManyDealsAnswersEachDealByItsOwnState() {
        TestApi api = new TestApi(port);
        UUID two = api.createDeal("Two left", 1.0, 1.0, 2);
        UUID plenty = api.createDeal("Plenty", 1.0, 1.0, 50);
        UUID madeUp = UUID.randomUUID();
        PendingClaim a = new PendingClaim("ana");
        PendingClaim b = new PendingClaim("bo");
        PendingClaim c = new PendingClaim("cy");
        PendingClaim again = new PendingClaim("ana");
        PendingClaim onPlenty = new PendingClaim("ana");
        PendingClaim lost = new PendingClaim("dee");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Map<UUID, ClaimWriter.DealWrite> written = writer.writeAll(
                List.of(
                        new ClaimWriter.DealBatch(two, List.of(a, b, c, again), null),
                        new ClaimWriter.DealBatch(madeUp, List.of(lost), null),
                        new ClaimWriter.DealBatch(plenty, List.of(onPlenty), null)),
                now);

        ClaimWriter.BatchResult onTwo = ((ClaimWriter.DealWrite.Written) written.get(two)).result();
        assertThat(onTwo.outcomes().get(a)).isInstanceOf(ClaimOutcome.Granted.class);
        assertThat(onTwo.outcomes().get(b)).isInstanceOf(ClaimOutcome.Granted.class);
        assertThat(onTwo.outcomes().get(c)).isInstanceOf(ClaimOutcome.SoldOut.class);
        assertThat(onTwo.outcomes().get(again)).isInstanceOf(ClaimOutcome.AlreadyHeld.class);
        assertThat(onTwo.remainingAfter()).isZero();
        assertThat(((ClaimWriter.DealWrite.Written) written.get(madeUp))
                        .result()
                        .outcomes()
                        .get(lost))
                .isInstanceOf(ClaimOutcome.DealMissing.class);
        ClaimWriter.BatchResult onPlentyResult = ((ClaimWriter.DealWrite.Written) written.get(plenty)).result();
        assertThat(onPlentyResult.outcomes().get(onPlenty)).isInstanceOf(ClaimOutcome.Granted.class);
        assertThat(onPlentyResult.remainingAfter()).isEqualTo(49);
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id IN (:ds)")
                        .param("ds", List.of(two, plenty))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aDealThatEndedOrHasNotStartedIsNotActiveEvenWhenItsTermsAreKnown() {
        TestApi api = new TestApi(port);
        UUID ended = api.createDeal("Ended", 1.0, 1.0, 5);
        UUID later = api.createDeal("Later", 1.0, 1.0, 5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("UPDATE deals SET valid_from = :f, valid_until = :u WHERE id = :d")
                .param("f", java.sql.Timestamp.from(now.minusSeconds(7200)))
                .param("u", java.sql.Timestamp.from(now.minusSeconds(3600)))
                .param("d", ended)
                .update();
        jdbc.sql("UPDATE deals SET valid_from = :f, valid_until = :u WHERE id = :d")
                .param("f", java.sql.Timestamp.from(now.plusSeconds(3600)))
                .param("u", java.sql.Timestamp.from(now.plusSeconds(7200)))
                .param("d", later)
                .update();
        ClaimWriter.DealTerms endedTerms = terms(ended);
        PendingClaim one = new PendingClaim("eve");
        PendingClaim two = new PendingClaim("eve");
        PendingClaim three = new PendingClaim("fay");

        ClaimOutcome alone =
                writer.write(ended, List.of(one), now, endedTerms).outcomes().get(one);
        Map<UUID, ClaimWriter.DealWrite> together = writer.writeAll(
                List.of(
                        new ClaimWriter.DealBatch(ended, List.of(two), endedTerms),
                        new ClaimWriter.DealBatch(later, List.of(three), terms(later))),
                now);

        assertThat(alone).isInstanceOf(ClaimOutcome.NotActive.class);
        assertThat(((ClaimWriter.DealWrite.Written) together.get(ended))
                        .result()
                        .outcomes()
                        .get(two))
                .isInstanceOf(ClaimOutcome.NotActive.class);
        assertThat(((ClaimWriter.DealWrite.Written) together.get(later))
                        .result()
                        .outcomes()
                        .get(three))
                .isInstanceOf(ClaimOutcome.NotActive.class);
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id IN (:ds)")
                        .param("ds", List.of(ended, later))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private ClaimWriter.DealTerms terms(UUID deal) {
        return jdbc.sql("SELECT merchant_id, valid_from, valid_until FROM deals WHERE id = :d")
                .param("d", deal)
                .query((rs, n) -> new ClaimWriter.DealTerms(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .single();
    }
}
