package com.hyperlocal.flashsale.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webhook API refuses what it must, with stable problem types, and keeps merchants apart. */
@IntegrationTest
class WebhookApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://shop.example/hook",
                "ftp://127.0.0.1/x",
                "not a url",
                "/relative",
                "https://user:pw@shop.example/h",
                "http://localhost.shop.example/h",
                "http://10.0.0.1/h"
            })
    void unsafeOrMalformedUrlsAreRefusedAsValidationProblems(String url) {
        TestApi api = new TestApi(port);
        TestApi.Answer answer = register(api, api.newMerchant("Bad urls").apiKey(), url);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:validation");
    }

    @Test
    void loopbackHttpAndHttpsAreAcceptedAndTheLimitIsAConflict() {
        TestApi api = new TestApi(port);
        String key = api.newMerchant("Many hooks").apiKey();
        assertThat(register(api, key, "http://127.0.0.1:9/h").status()).isEqualTo(201);
        assertThat(register(api, key, "http://[::1]:9/h").status()).isEqualTo(201);
        for (int i = 0; i < 8; i++) {
            assertThat(register(api, key, "https://shop.example/h" + i).status())
                    .isEqualTo(201);
        }
        TestApi.Answer eleventh = register(api, key, "https://shop.example/one-too-many");

        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.json().get("type").asString()).isEqualTo("urn:flashsale:problem:webhook-limit");
    }

    @Test
    void anotherMerchantsWebhookIsNotFoundAndCallersMustAuthenticate() {
        TestApi api = new TestApi(port);
        String owner = api.newMerchant("Owner").apiKey();
        String other = api.newMerchant("Other").apiKey();
        UUID id = UUID.fromString(register(api, owner, "https://shop.example/mine")
                .json()
                .get("id")
                .asString());

        assertThat(api.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/merchant/webhooks/" + id))
                                .header("Authorization", "Bearer " + other)
                                .DELETE())
                        .status())
                .isEqualTo(404);
        assertThat(api.postAs(other, "/api/v1/merchant/webhooks/" + id + "/test", "")
                        .status())
                .isEqualTo(404);
        assertThat(api.getAs(other, "/api/v1/merchant/webhooks").json().get("webhooks"))
                .isEmpty();
        assertThat(api.get("/api/v1/merchant/webhooks").status()).isEqualTo(401);
        assertThat(api.getAs(owner, "/api/v1/merchant/webhooks/deliveries?status=LOST")
                        .json()
                        .get("type")
                        .asString())
                .isEqualTo("urn:flashsale:problem:validation");
        assertThat(api.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/merchant/webhooks/" + id))
                                .header("Authorization", "Bearer " + owner)
                                .DELETE())
                        .status())
                .isEqualTo(204);
    }

    private static TestApi.Answer register(TestApi api, String key, String url) {
        return api.postAs(key, "/api/v1/merchant/webhooks", TestApi.JSON.writeValueAsString(Map.of("url", url)));
    }
}
