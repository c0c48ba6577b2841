package com.hyperlocal.flashsale.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A till paging while revocations are being written never skips one: a cursor past a seq means
 * every earlier seq of that merchant was already committed.
 */
@IntegrationTest
class RevocationCursorRaceTest {

    @LocalServerPort
    int port;

    @Test
    void aTillPagingDuringConcurrentRevocationsSeesEachExactlyOnce() throws Exception {
        TestApi api = new TestApi(port);
        String key = api.newMerchant("Busy shop").apiKey();
        TestApi shop = new TestApi(port);
        List<UUID> claims = new ArrayList<>();
        UUID deal = createDeal(api, key);
        for (int i = 0; i < 48; i++) {
            claims.add(UUID.fromString(
                    api.claim(deal, "race-" + i).json().get("id").asString()));
        }
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (UUID claim : claims) {
            done.add(writers.submit(
                    () -> assertThat(shop.postAs(key, "/api/v1/merchant/claims/" + claim + "/revoke", "{}")
                                    .status())
                            .isEqualTo(200)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean writing = true;
        while (writing || seen.size() < claims.size()) {
            writing = done.stream().anyMatch(f -> !f.isDone());
            JsonNode page = api.getAs(
                            key,
                            "/api/v1/merchant/revocations?limit=5"
                                    + (cursor == null
                                            ? ""
                                            : "&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .json();
            seen.addAll(page.get("revocations").findValuesAsString("claimId"));
            cursor = page.get("cursor").asString();
            if (!writing && !page.get("hasMore").asBoolean()) {
                break;
            }
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : done) {
            f.get();
        }

        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        claims.stream().map(UUID::toString).toList());
    }

    private static UUID createDeal(TestApi api, String key) {
        TestApi.Answer answer = api.postAs(
                key,
                "/api/v1/deals",
                TestApi.JSON.writeValueAsString(java.util.Map.of(
                        "title",
                        "Race",
                        "latitude",
                        19.07,
                        "longitude",
                        72.87,
                        "totalInventory",
                        100,
                        "validUntil",
                        java.time.Instant.now()
                                .plus(java.time.Duration.ofDays(1))
                                .toString())));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return UUID.fromString(answer.json().get("id").asString());
    }
}
