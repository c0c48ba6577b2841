package com.hyperlocal.flashsale.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.CliRun;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.FakeHttpPeer;
import com.hyperlocal.flashsale.cli.FakeHttpPeer.Answer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook commands' requests and output, against canned server answers on loopback. */
class WebhooksCommandTest {

    static final String KEY = "fsk_abcd1234_" + "k".repeat(43);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @TempDir
    Path dir;

    private CliRun.Result run(FakeHttpPeer peer, String... args) {
        return CliRun.run(CliRun.env(dir, CLOCK, "FLASHDEAL_SERVER", peer.url(), "FLASHDEAL_API_KEY", KEY), args);
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of());
    }

    @Test
    void addPostsTheUrlAndPrintsTheSecretOnce() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> json(
                201,
                "{\"id\":\"" + ID + "\",\"url\":\"https://shop.example/h\","
                        + "\"secret\":\"whsec_abc\",\"createdAt\":\"2026-03-01T12:00:00Z\"}"))) {
            CliRun.Result r = run(peer, "webhooks", "add", "https://shop.example/h");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(peer.seen).singleElement().satisfies(s -> {
                assertThat(s.method()).isEqualTo("POST");
                assertThat(s.path()).isEqualTo("/api/v1/merchant/webhooks");
                assertThat(s.body()).isEqualTo("{\"url\":\"https://shop.example/h\"}");
                assertThat(s.header("Authorization")).isEqualTo("Bearer " + KEY);
            });
            assertThat(r.out()).contains(ID.toString()).contains("whsec_abc").contains("shown once");
        }
    }

    @Test
    void deliveriesListsParkedOnesWithTheirLastAnswer() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> json(
                200,
                "{\"deliveries\":[{\"id\":\"" + UUID.randomUUID()
                        + "\",\"webhookId\":\"" + ID + "\",\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"eventType\":\"deal.sold_out\","
                        + "\"dealId\":null,\"status\":\"PARKED\",\"attempts\":17,\"lastHttpStatus\":503,"
                        + "\"createdAt\":\"2026-02-28T12:00:00Z\"}]}"))) {
            CliRun.Result r = run(peer, "webhooks", "deliveries", "--status", "parked");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(peer.seen.get(0).path())
                    .isEqualTo("/api/v1/merchant/webhooks/deliveries?limit=50&status=PARKED");
            assertThat(r.out())
                    .contains("deal.sold_out")
                    .contains("PARKED")
                    .contains("17")
                    .contains("HTTP 503");
        }
    }

    @Test
    void testExitsTenWhenTheEndpointRefused() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> json(
                200,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":"
                        + "\"PARKED\",\"attempts\":1,\"lastHttpStatus\":500,\"lastError\":\"HTTP 500\"}"))) {
            CliRun.Result r = run(peer, "webhooks", "test", ID.toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.WEBHOOK_TEST_FAILED);
            assertThat(peer.seen.get(0).path()).isEqualTo("/api/v1/merchant/webhooks/" + ID + "/test");
            assertThat(r.err().strip()).isEqualTo("flashdeal: the endpoint did not accept the test event: HTTP 500");
        }
    }

    @Test
    void removeSendsDelete() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> new Answer(204, "application/json", "", Map.of()))) {
            CliRun.Result r = run(peer, "webhooks", "remove", ID.toString());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(peer.seen.get(0).method()).isEqualTo("DELETE");
            assertThat(peer.seen.get(0).path()).isEqualTo("/api/v1/merchant/webhooks/" + ID);
        }
    }
}
