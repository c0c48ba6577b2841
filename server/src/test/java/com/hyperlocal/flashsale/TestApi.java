package com.hyperlocal.flashsale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: real requests over loopback, answers parsed as JSON trees. */
public final class TestApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Set for every test JVM by the surefire configuration. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private final HttpClient http;
    private final String base;
    private Merchant merchant;

    public record Merchant(UUID id, String apiKey) {}

    public TestApi(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public record Answer(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, Map<String, ?> body) {
        return post(path, JSON.writeValueAsString(body));
    }

    public Answer getAs(String apiKey, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + apiKey)
                .GET());
    }

    public Answer postAs(String apiKey, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A new merchant account, made through the admin API. */
    public Merchant newMerchant(String name) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/merchants"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name)))));
        if (answer.status() != 201) {
            throw new IllegalStateException("Merchant not created: " + answer.status() + " "
                    + answer.raw().body());
        }
        return new Merchant(
                UUID.fromString(answer.json().get("id").asString()),
                answer.json().get("apiKey").asString());
    }

    /** The merchant this client creates deals as, made on first use. */
    public synchronized Merchant merchant() {
        if (merchant == null) {
            merchant = newMerchant("Test merchant");
        }
        return merchant;
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an active deal through the API and returns its id. */
    public UUID createDeal(String title, double lat, double lng, int inventory) {
        return createDeal(merchant().apiKey(), title, lat, lng, inventory);
    }

    /** Creates an active deal owned by the merchant with {@code apiKey}. */
    public UUID createDeal(String apiKey, String title, double lat, double lng, int inventory) {
        Answer answer = postAs(
                apiKey,
                "/api/v1/deals",
                JSON.writeValueAsString(Map.of(
                        "title",
                        title,
                        "latitude",
                        lat,
                        "longitude",
                        lng,
                        "totalInventory",
                        inventory,
                        "validUntil",
                        Instant.now().plus(Duration.ofDays(1)).toString())));
        if (answer.status() != 201) {
            throw new IllegalStateException(
                    "Deal not created: " + answer.status() + " " + answer.raw().body());
        }
        return UUID.fromString(answer.json().get("id").asString());
    }

    /** A claim by this shopper, with a real token from {@link TestIssuer} and no body. */
    public Answer claim(UUID dealId, String userId) {
        return claimWith(TestIssuer.shared().token(userId), dealId);
    }

    public Answer claimWith(String token, UUID dealId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/deals/" + dealId + "/claims"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** GET as this shopper (a fresh token from {@link TestIssuer}). */
    public Answer getAsShopper(String userId, String path) {
        return getAs(TestIssuer.shared().token(userId), path);
    }
}
