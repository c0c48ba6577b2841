package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.EventTap;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Claim batches reach the real broker through the outbox: each granted claim once, in deal order, and only if committed. */
@IntegrationTest
class ClaimEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    ClaimWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void committedBatchesPublishEveryGrantedClaimExactlyOnceInDealOrderThenSoldOut() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Events", 3.0, 3.0, 25);
        try (EventTap tap = new EventTap(admin, rabbit, deal)) {
            List<String> users =
                    IntStream.range(0, 60).mapToObj(i -> "ev-user-" + (i % 40)).toList();
            ClaimStampedeTest.allAtOnce(users, user -> api.claim(deal, user));

            List<Message> messages = tap.awaitAtLeast(2, Duration.ofSeconds(20));
            messages = tap.settle(Duration.ofSeconds(1));
            List<JsonNode> events = messages.stream()
                    .map(EventTap::json)
                    .filter(e -> !e.get("type").asString().equals("deal.created"))
                    .toList();

            List<String> claimIds = new ArrayList<>();
            long lastSeq = 0;
            int lastRemaining = 25;
            for (JsonNode e : events.subList(0, events.size() - 1)) {
                assertThat(e.get("type").asString()).isEqualTo("claims.granted");
                assertThat(e.get("seq").asLong()).isGreaterThan(lastSeq);
                int remaining = e.get("data").get("remaining").asInt();
                assertThat(remaining)
                        .isEqualTo(lastRemaining - e.get("data").get("count").asInt());
                e.get("data")
                        .get("claims")
                        .forEach(c -> claimIds.add(c.get("claimId").asString()));
                lastSeq = e.get("seq").asLong();
                lastRemaining = remaining;
            }
            JsonNode last = events.get(events.size() - 1);
            assertThat(last.get("type").asString()).isEqualTo("deal.sold_out");
            assertThat(last.get("seq").asLong()).isGreaterThan(lastSeq);
            assertThat(lastRemaining).isZero();

            List<String> stored = jdbc.sql("SELECT id::text FROM claims WHERE deal_id = :d")
                    .param("d", deal)
                    .query(String.class)
                    .list();
            assertThat(claimIds).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
            Set<String> messageIds = new HashSet<>();
            messages.forEach(m -> messageIds.add(m.getMessageProperties().getMessageId()));
            assertThat(messageIds).hasSize(messages.size());
            assertThat(messages)
                    .allSatisfy(m -> assertThat(m.getMessageProperties().getMessageId())
                            .isEqualTo(EventTap.json(m).get("id").asString()));
        }
    }

    @Test
    void rolledBackBatchPublishesNothing() throws Exception {
        UUID deal = new TestApi(port).createDeal("Rolled back", 3.1, 3.1, 5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (EventTap tap = new EventTap(admin, rabbit, "deal." + deal + ".claims.granted")) {
            tx.executeWithoutResult(status -> {
                writer.write(deal, List.of(new PendingClaim("rb-1"), new PendingClaim("rb-2")), now);
                status.setRollbackOnly();
            });
            // A later committed batch: once its event arrived, the relay has passed the rolled-back one.
            ClaimWriter.BatchResult committed = writer.write(deal, List.of(new PendingClaim("rb-3")), now);
            UUID committedClaim = committed.outcomes().values().stream()
                    .map(o -> ((ClaimOutcome.Granted) o).claim().id())
                    .findFirst()
                    .orElseThrow();

            List<Message> messages = tap.awaitAtLeast(1, Duration.ofSeconds(20));
            messages = tap.settle(Duration.ofSeconds(1));

            assertThat(messages).singleElement().satisfies(m -> {
                JsonNode claims = EventTap.json(m).get("data").get("claims");
                assertThat(claims).hasSize(1);
                assertThat(claims.get(0).get("claimId").asString()).isEqualTo(committedClaim.toString());
            });
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM outbox_events WHERE deal_id = :d AND event_type = 'claims.granted'")
                            .param("d", deal)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }
}
