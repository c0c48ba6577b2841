package com.hyperlocal.flashsale.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Idempotency-Key stands for one request: sent again with the same request (however it is
 * spelled) it answers the first deal; sent with a different request it is a 422 naming the first
 * deal, and nothing is created.
 */
@IntegrationTest
class DealIdempotencyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    TestApi.Merchant merchant;
    String until;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        merchant = api.newMerchant("Idempotent " + UUID.randomUUID());
        until = Instant.now()
                .plus(Duration.ofHours(3))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private TestApi.Answer create(String key, String json) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/deals"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + merchant.apiKey())
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private int deals() {
        return jdbc.sql("SELECT count(*) FROM deals WHERE merchant_id = :m")
                .param("m", merchant.id())
                .query(Integer.class)
                .single();
    }

    @Test
    void theSameRequestSpelledDifferentlyReplaysTheFirstDeal() {
        TestApi.Answer first = create(
                "k-spelling",
                "{\"title\":\"Dosa\",\"latitude\":12.5,\"longitude\":77.25,\"totalInventory\":5,\"validUntil\":\""
                        + until + "\"}");
        TestApi.Answer again = create(
                "k-spelling",
                "{ \"validUntil\" : \"" + until + "\", \"totalInventory\":5, \"longitude\":77.250,"
                        + "\"latitude\":1.25e1, \"description\":\"\", \"title\":\" Dosa \"}");

        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(deals()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422NamingTheFirstDealAndCreatesNothing() {
        String body = "{\"title\":\"Dosa\",\"latitude\":12.5,\"longitude\":77.25,\"totalInventory\":5,"
                + "\"validUntil\":\"" + until + "\"}";
        TestApi.Answer first = create("k-reused", body);
        TestApi.Answer edited = create("k-reused", body.replace("\"totalInventory\":5", "\"totalInventory\":6"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(422);
        assertThat(edited.contentType()).startsWith("application/problem+json");
        assertThat(edited.json().get("type").asString()).isEqualTo("urn:flashsale:problem:idempotency-key-reused");
        assertThat(edited.json().get("dealId").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(edited.json().get("detail").asString()).contains("new key");
        assertThat(deals()).isEqualTo(1);
        // The first request itself still replays.
        assertThat(create("k-reused", body).status()).isEqualTo(200);
    }

    @Test
    void aDurationIsTheSameRequestWhenRetriedLaterAndEndsThatLongAfterTheStart() {
        String body = "{\"title\":\"Chai\",\"latitude\":12.5,\"longitude\":77.25,\"totalInventory\":5,"
                + "\"duration\":\"PT2H\"}";
        TestApi.Answer first = create("k-duration", body);
        TestApi.Answer later = create("k-duration", body);

        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        Instant from = Instant.parse(first.json().get("validFrom").asString());
        assertThat(Instant.parse(first.json().get("validUntil").asString())).isEqualTo(from.plus(Duration.ofHours(2)));
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(create("k-duration-both", body.replace("}", ",\"validUntil\":\"" + until + "\"}"))
                        .status())
                .isEqualTo(400);
        assertThat(create("k-duration-zero", body.replace("PT2H", "PT0S")).status())
                .isEqualTo(400);
        assertThat(create("k-duration-long", body.replace("PT2H", "P367D")).status())
                .isEqualTo(400);
    }

    @Test
    void aDealMadeBeforeFingerprintsWereStoredIsMatchedByItsKeyAlone() {
        String body = "{\"title\":\"Old\",\"latitude\":1,\"longitude\":2,\"totalInventory\":5,\"validUntil\":\"" + until
                + "\"}";
        TestApi.Answer first = create("k-legacy", body);
        jdbc.sql("UPDATE deals SET request_fingerprint = NULL WHERE id = :id")
                .param("id", UUID.fromString(first.json().get("id").asString()))
                .update();

        TestApi.Answer other = create("k-legacy", body.replace("Old", "Other"));

        assertThat(other.status()).as(other.raw().body()).isEqualTo(200);
        assertThat(other.json().get("title").asString()).isEqualTo("Old");
        assertThat(deals()).isEqualTo(1);
    }

    @Test
    void titlesAndDescriptionsWithTerminalControlsAreRefusedButLineBreaksAndTabsAreNot() {
        String[] refused = {"\\u001b[2J", "\\u001b]0;owned\\u0007", "\\r", "\\u007f", "\\u009b31m", "\\u202e", "\\u2066"
        };
        for (String control : refused) {
            for (String field : new String[] {"title", "description"}) {
                String json = "{\"title\":\"Deal\",\"description\":\"Fine\",\"latitude\":1,\"longitude\":2,"
                        + "\"totalInventory\":5,\"validUntil\":\"" + until + "\"}";
                json = json.replace(field.equals("title") ? "\"Deal\"" : "\"Fine\"", "\"a" + control + "b\"");
                TestApi.Answer answer = api.postAs(merchant.apiKey(), "/api/v1/deals", json);

                assertThat(answer.status()).as(field + " " + control).isEqualTo(400);
                assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:validation");
                assertThat(answer.json().get("errors").get(0).get("field").asString())
                        .isEqualTo(field);
            }
        }
        assertThat(deals()).isZero();
        TestApi.Answer ok = api.postAs(
                merchant.apiKey(),
                "/api/v1/deals",
                "{\"title\":\"Deal\",\"description\":\"Line one\\n\\tline two\",\"latitude\":1,\"longitude\":2,"
                        + "\"totalInventory\":5,\"validUntil\":\"" + until + "\"}");
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(201);
        assertThat(ok.json().get("description").asString()).isEqualTo("Line one\n\tline two");
    }
}
