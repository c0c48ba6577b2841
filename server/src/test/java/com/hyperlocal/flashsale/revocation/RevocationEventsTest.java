package com.hyperlocal.flashsale.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.EventTap;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every revoked voucher reaches the broker once as voucher.revoked: revoked alone, again, or voided by a close. */
@IntegrationTest
class RevocationEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void eachRevokedVoucherIsPublishedOnceWithItsReasonAlsoWhenAClosingVoidsThem() throws Exception {
        TestApi api = new TestApi(port);
        String key = api.merchant().apiKey();
        UUID deal = api.createDeal("Revoked events", 41.9, 12.5, 5);
        UUID refunded = claim(api, deal, "rev-a");
        UUID voided = claim(api, deal, "rev-b");
        try (EventTap tap = new EventTap(admin, rabbit, deal)) {
            assertThat(api.postAs(key, "/api/v1/merchant/claims/" + refunded + "/revoke", "{\"reason\":\"refund\"}")
                            .status())
                    .isEqualTo(200);
            // Idempotent: the second revoke writes nothing, so it publishes nothing.
            api.postAs(key, "/api/v1/merchant/claims/" + refunded + "/revoke", "{\"reason\":\"again\"}");
            assertThat(api.postAs(key, "/api/v1/merchant/deals/" + deal + "/close?voidVouchers=true", "")
                            .status())
                    .isEqualTo(200);

            tap.awaitAtLeast(3, Duration.ofSeconds(20));
            List<JsonNode> revoked = tap.settle(Duration.ofSeconds(1)).stream()
                    .map(EventTap::json)
                    .filter(e -> e.get("type").asString().equals("voucher.revoked"))
                    .toList();

            assertThat(revoked)
                    .extracting(e -> e.get("data").get("claimId").asString())
                    .containsExactly(refunded.toString(), voided.toString());
            assertThat(revoked)
                    .extracting(e -> e.get("data").get("reason").asString())
                    .containsExactly("refund", "deal closed");
            assertThat(revoked).allSatisfy(e -> {
                assertThat(e.get("data").get("dealId").asString()).isEqualTo(deal.toString());
                assertThat(e.get("data").has("revokedAt")).isTrue();
            });
        }
    }

    private static UUID claim(TestApi api, UUID deal, String user) {
        return UUID.fromString(api.claim(deal, user).json().get("id").asString());
    }
}
