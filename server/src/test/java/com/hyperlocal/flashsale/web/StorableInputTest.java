package com.hyperlocal.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Input JSON can carry but PostgreSQL cannot store (a NUL character, a year past 9999) is a 400
 * naming the field, found before any SQL runs; and a query string Tomcat cannot decode is a 400.
 */
@IntegrationTest
class StorableInputTest {

    @LocalServerPort
    int port;

    @Test
    void nulCharactersAreRejectedPerField() {
        TestApi api = new TestApi(port);
        String until = Instant.now().plusSeconds(3600).toString();
        assertField(
                api.postAs(
                        api.merchant().apiKey(),
                        "/api/v1/deals",
                        "{\"title\":\"a\\u0000b\",\"latitude\":1,"
                                + "\"longitude\":2,\"totalInventory\":1,\"validUntil\":\"" + until + "\"}"),
                "title");
        assertField(
                api.postAs(
                        api.merchant().apiKey(),
                        "/api/v1/deals",
                        "{\"title\":\"t\",\"description\":\"\\u0000\","
                                + "\"latitude\":1,\"longitude\":2,\"totalInventory\":1,\"validUntil\":\"" + until
                                + "\"}"),
                "description");
        assertField(api.postAs(TestApi.ADMIN_TOKEN, "/api/v1/admin/merchants", "{\"name\":\"Shop\\u0000\"}"), "name");
        assertField(upload(api, "\"token\":\"a\\u0000b\",\"scannedAt\":\"2026-01-01T00:00:00Z\""), "items[0].token");
    }

    @Test
    void instantsOutsideWhatTheDatabaseStoresAreRejected() {
        TestApi api = new TestApi(port);
        assertField(upload(api, "\"token\":\"x.y.z\",\"scannedAt\":\"+300000-01-01T00:00:00Z\""), "items[0].scannedAt");
        assertField(upload(api, "\"token\":\"x.y.z\",\"scannedAt\":\"-300000-01-01T00:00:00Z\""), "items[0].scannedAt");
        assertField(
                api.postAs(
                        api.merchant().apiKey(),
                        "/api/v1/deals",
                        "{\"title\":\"t\",\"latitude\":1,"
                                + "\"longitude\":2,\"totalInventory\":1,\"validUntil\":\"+300000-01-01T00:00:00Z\"}"),
                "validUntil");
        TestApi.Answer ok = upload(api, "\"token\":\"x.y.z\",\"scannedAt\":\"9999-12-31T00:00:00Z\"");
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
    }

    @Test
    void anUndecodableQueryStringIsABadRequest() {
        for (String query : new String[] {"%", "lat=%zz&lng=1&radiusKm=1", "lat=%c0%80&lng=1&radiusKm=1"}) {
            RawHttp.Answer answer =
                    RawHttp.exchange(port, RawHttp.request("GET", "/api/v1/deals/nearby?" + query, "", null));
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblemJson()).as(answer.toString()).isTrue();
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:bad-request");
        }
    }

    private static TestApi.Answer upload(TestApi api, String itemFields) {
        return api.postAs(
                api.merchant().apiKey(),
                "/api/v1/redemptions",
                "{\"deviceId\":\"till-storable\",\"items\":[{" + "\"clientId\":\"" + UUID.randomUUID() + "\","
                        + itemFields + ",\"outcome\":\"REFUSED\"}]}");
    }

    private static void assertField(TestApi.Answer answer, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("type").asString()).isEqualTo("urn:flashsale:problem:validation");
        java.util.List<String> fields = new java.util.ArrayList<>();
        body.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(body.toString()).contains(field);
    }
}
