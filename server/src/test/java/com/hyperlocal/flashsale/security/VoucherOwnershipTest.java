package com.hyperlocal.flashsale.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A voucher is its holder's: nobody else can read it, take it, or learn its id. */
@IntegrationTest
class VoucherOwnershipTest {

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
    void bobCannotReadAlicesVoucherNorItsQrNorLearnItsId() {
        UUID deal = api.createDeal("Alice's coffee", 12.97, 77.59, 5);
        JsonNode alice = api.claim(deal, "alice").json();
        String id = alice.get("id").asString();

        assertThat(api.getAsShopper("alice", "/api/v1/claims/" + id).status()).isEqualTo(200);
        TestApi.Answer read = api.getAsShopper("bob", "/api/v1/claims/" + id);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("type").asString()).isEqualTo("urn:flashsale:problem:not-found");
        assertThat(read.raw().body()).doesNotContain(alice.get("voucher").asString());
        assertThat(api.getAsShopper("bob", "/api/v1/claims/" + id + "/qr").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/claims/" + id).status()).isEqualTo(401);

        // Bob claiming the same deal gets a claim of his own; the 409 of a second try names only his.
        TestApi.Answer bob = api.claim(deal, "bob");
        assertThat(bob.status()).isEqualTo(201);
        TestApi.Answer again = api.claim(deal, "bob");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("claimId").asString())
                .isEqualTo(bob.json().get("id").asString())
                .isNotEqualTo(id);
    }

    @Test
    void aBodyNamingAnotherUserCannotClaimForThem() {
        UUID deal = api.createDeal("Not for you", 12.97, 77.59, 5);
        TestApi.Answer answer = api.postAs(
                TestIssuer.shared().token("bob"),
                "/api/v1/deals/" + deal + "/claims",
                TestApi.JSON.writeValueAsString(Map.of("userId", "alice")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void myClaimsListsOnlyTheCallersVouchersNewestFirstInPages() {
        String me = "lister-" + UUID.randomUUID().toString().substring(0, 8);
        UUID[] deals = new UUID[3];
        for (int i = 0; i < 3; i++) {
            deals[i] = api.createDeal("Mine " + i, 12.97, 77.59, 5);
            assertThat(api.claim(deals[i], me).status()).isEqualTo(201);
        }
        api.claim(deals[0], me + "-other");

        TestApi.Answer first = api.getAsShopper(me, "/api/v1/me/claims?size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        JsonNode page = first.json();
        assertThat(page.get("claims")).hasSize(2);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(page.get("claims").get(0).get("dealId").asString()).isEqualTo(deals[2].toString());
        assertThat(page.get("claims").get(1).get("dealId").asString()).isEqualTo(deals[1].toString());
        JsonNode second =
                api.getAsShopper(me, "/api/v1/me/claims?size=2&page=1").json();
        assertThat(second.get("claims")).hasSize(1);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        assertThat(second.get("claims").get(0).get("dealId").asString()).isEqualTo(deals[0].toString());
        assertThat(second.get("claims").get(0).get("userId").asString()).isEqualTo(me);
        assertThat(api.getAsShopper(me, "/api/v1/me/claims?size=500").status()).isEqualTo(400);
    }
}
