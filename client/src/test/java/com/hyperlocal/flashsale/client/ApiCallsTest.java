package com.hyperlocal.flashsale.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.client.LoopbackServer.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Requests as the server expects them; answers and problem+json errors as callers see them. */
class ApiCallsTest {

    private static FlashSaleClient client(LoopbackServer server) {
        return new FlashSaleClient(ServerOrigin.parse(server.url()), "k", Duration.ofSeconds(5));
    }

    @Test
    void aProblemAnswerBecomesAnHttpErrorWithSlugDetailAndRetryAfter() {
        try (LoopbackServer server = new LoopbackServer()
                .on(
                        "/api/v1/merchant/deals",
                        new Response(
                                503,
                                "application/problem+json",
                                "{\"type\":\"urn:flashsale:problem:dependency-unavailable\",\"status\":503,"
                                        + "\"detail\":\"Try again shortly.\"}",
                                Map.of("Retry-After", "7")))) {
            assertThatThrownBy(() -> client(server).deals()).isInstanceOfSatisfying(ApiException.HttpError.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.slug()).contains("dependency-unavailable");
                assertThat(e.said()).isEqualTo("Try again shortly.");
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                assertThat(e.retryable()).isTrue();
            });
        }
    }

    @Test
    void anUnknownPublicDealIsEmptyButOtherErrorsAreThrown() {
        UUID id = UUID.randomUUID();
        try (LoopbackServer server = new LoopbackServer()) {
            assertThat(client(server).publicDeal(id)).isEmpty();
            assertThatThrownBy(() -> client(server).deal(id))
                    .isInstanceOfSatisfying(
                            ApiException.HttpError.class,
                            e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void aClosedPortIsUnreachableWithAMessageWithoutClassNames() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FlashSaleClient client =
                new FlashSaleClient(ServerOrigin.parse("http://127.0.0.1:" + port), "k", Duration.ofSeconds(5));

        assertThatThrownBy(client::me)
                .isInstanceOf(ApiException.Unreachable.class)
                .hasMessage("cannot reach the server at http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void aNonJsonSuccessIsABadAnswerWithoutJacksonsWording() {
        try (LoopbackServer server = new LoopbackServer()
                .on("/api/v1/merchant/me", new Response(200, "text/html", "<html>portal</html>", Map.of()))) {
            assertThatThrownBy(() -> client(server).me())
                    .isInstanceOf(ApiException.BadAnswer.class)
                    .hasMessage("the server's answer is not the JSON expected");
        }
    }

    @Test
    void revocationsAreAskedFromTheCursorAndReadAsAPage() {
        UUID claim = UUID.randomUUID();
        try (LoopbackServer server = new LoopbackServer()
                .on(
                        "/api/v1/merchant/revocations",
                        Response.json(
                                "{\"revocations\":[{\"claimId\":\"" + claim + "\",\"dealId\":\"" + UUID.randomUUID()
                                        + "\",\"revokedAt\":\"2026-03-01T12:00:00Z\",\"reason\":\"refund\"}],"
                                        + "\"cursor\":\"c+2/=\",\"hasMore\":true}"))) {
            RevocationPage page = client(server).revocations("c+1/=", 1000);

            assertThat(page.hasMore()).isTrue();
            assertThat(page.cursor()).isEqualTo("c+2/=");
            assertThat(page.revocations()).singleElement().satisfies(r -> {
                assertThat(r.claimId()).isEqualTo(claim);
                assertThat(r.reason()).isEqualTo("refund");
            });
            assertThat(server.hits.get(0).path())
                    .isEqualTo("/api/v1/merchant/revocations?limit=1000&since=c%2B1%2F%3D");
        }
    }

    @Test
    void revokeCloseAndUploadSendTheDocumentedRequests() {
        UUID claim = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        try (LoopbackServer server = new LoopbackServer()
                .on(
                        "/api/v1/merchant/claims/" + claim + "/revoke",
                        Response.json("{\"claimId\":\"" + claim + "\",\"dealId\":\"" + deal
                                + "\",\"revokedAt\":\"2026-03-01T12:00:00Z\",\"reason\":null}"))
                .on(
                        "/api/v1/merchant/deals/" + deal + "/close",
                        Response.json("{\"id\":\"" + deal + "\",\"status\":\"ENDED\",\"voidedVouchers\":3}"))
                .on(
                        "/api/v1/redemptions",
                        Response.json("{\"results\":[{\"clientId\":\"" + item
                                + "\",\"status\":\"CONFLICT\",\"reason\":\"voucher revoked\",\"revocation\":{\"claimId\":\""
                                + claim + "\"}}]}"))) {
            FlashSaleClient client = client(server);

            assertThat(client.revoke(claim, null).dealId()).isEqualTo(deal);
            assertThat(client.closeDeal(deal, true).voidedVouchers()).isEqualTo(3);
            Upload.Result result = client.upload(
                    "till-1",
                    List.of(new Upload.Item(
                            item, "t.o.k", Instant.parse("2026-03-01T11:00:00Z"), Upload.Outcome.REDEEMED, null)));

            assertThat(result.results()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(Upload.Status.CONFLICT);
                assertThat(r.revocation().claimId()).isEqualTo(claim);
            });
            assertThat(server.hits)
                    .extracting(LoopbackServer.Hit::method, LoopbackServer.Hit::path, LoopbackServer.Hit::body)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "POST", "/api/v1/merchant/claims/" + claim + "/revoke", "{}"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "POST", "/api/v1/merchant/deals/" + deal + "/close?voidVouchers=true", ""),
                            org.assertj.core.groups.Tuple.tuple(
                                    "POST",
                                    "/api/v1/redemptions",
                                    "{\"deviceId\":\"till-1\","
                                            + "\"items\":[{\"clientId\":\"" + item
                                            + "\",\"token\":\"t.o.k\",\"scannedAt\":"
                                            + "\"2026-03-01T11:00:00Z\",\"outcome\":\"REDEEMED\"}]}"));
        }
    }
}
