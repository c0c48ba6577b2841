package com.hyperlocal.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestApi.Answer;
import com.hyperlocal.flashsale.TestIssuer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input is answered 4xx with an RFC 9457 problem+json body of a stable {@code type},
 * never a 500, and never leaks a stack trace, class name or SQL. Plus the happy paths the error
 * cases are measured against.
 */
@IntegrationTest
class ApiErrorsTest {

    private static final String DEALS = "/api/v1/deals";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    // --- creating deals -----------------------------------------------------------------------

    @Test
    void jsonAnswersAreSentWithTheirLengthNotChunked() {
        TestApi.Answer problem = postDeal("not json at all");
        assertThat(problem.header("Content-Length"))
                .isEqualTo(
                        String.valueOf(problem.raw().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(problem.header("Transfer-Encoding")).isNull();
        TestApi api = new TestApi(port);
        TestApi.Answer created = api.claim(api.createDeal("Length", 5, 6, 3), "len");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Length")).isNotNull();
        assertThat(created.header("Transfer-Encoding")).isNull();
    }

    @Test
    void malformedJsonIsAValidationProblem() {
        assertProblem(postDeal("{\"title\": \"x\", "), 400, "validation");
        assertProblem(postDeal("not json at all"), 400, "validation");
        assertProblem(postDeal(""), 400, "validation");
        assertProblem(postDeal("[1, 2]"), 400, "validation");
        assertProblem(postDeal("{\"latitude\": NaN}"), 400, "validation"); // not JSON either
    }

    @Test
    void valuesOfTheWrongTypeNameTheirField() {
        assertFieldProblem(postDeal(with("latitude", "north")), "latitude");
        assertFieldProblem(postDeal(with("totalInventory", 1.5)), "totalInventory");
        assertFieldProblem(postDeal(with("totalInventory", "many")), "totalInventory");
        assertFieldProblem(postDeal(with("validUntil", "abc")), "validUntil");
        assertFieldProblem(postDeal(with("validFrom", "tomorrow")), "validFrom");
        assertFieldProblem(postDeal(with("title", Map.of("nested", true))), "title");
    }

    @Test
    void coordinatesOutOfRangeOrNotFiniteAreRejected() {
        assertFieldProblem(postDeal(with("latitude", 90.0001)), "latitude");
        assertFieldProblem(postDeal(with("latitude", -91)), "latitude");
        assertFieldProblem(postDeal(with("longitude", 180.5)), "longitude");
        assertFieldProblem(postDeal(with("longitude", -181)), "longitude");
        assertFieldProblem(postDeal(with("latitude", null)), "latitude");
        for (String notFinite : List.of("NaN", "Infinity", "-Infinity")) {
            JsonNode body = assertFieldProblem(postDeal(with("latitude", notFinite)), "latitude");
            assertThat(body.get("errors")).as(body.toString()).hasSize(1);
            assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo("must be a finite number");
            assertFieldProblem(postDeal(with("longitude", notFinite)), "longitude");
        }
        // 1e400 overflows a double to Infinity.
        assertFieldProblem(postDeal(json(valid()).replace("\"latitude\":12.5", "\"latitude\":1e400")), "latitude");
    }

    @Test
    void inventoryMustBeBetweenOneAndAMillion() {
        assertFieldProblem(postDeal(with("totalInventory", 0)), "totalInventory");
        assertFieldProblem(postDeal(with("totalInventory", -5)), "totalInventory");
        assertFieldProblem(postDeal(with("totalInventory", 1_000_001)), "totalInventory");
        assertFieldProblem(postDeal(with("totalInventory", 10_000_000_000L)), "totalInventory");
        assertThat(postDeal(with("totalInventory", 1_000_000)).status()).isEqualTo(201);
    }

    @Test
    void theValidityWindowMustBeSensible() {
        Instant now = Instant.now();
        assertFieldProblem(
                postDeal(with("validUntil", now.minus(Duration.ofMinutes(1)).toString())), "validUntil");
        Map<String, Object> backwards = valid();
        backwards.put("validFrom", now.plus(Duration.ofDays(2)).toString());
        backwards.put("validUntil", now.plus(Duration.ofDays(1)).toString());
        assertFieldProblem(postDeal(backwards), "validUntil");
        Map<String, Object> tooLong = valid();
        tooLong.put("validUntil", now.plus(Duration.ofDays(367)).toString());
        assertFieldProblem(postDeal(tooLong), "validUntil");
        Map<String, Object> tooFarAhead = valid();
        tooFarAhead.put("validFrom", now.plus(Duration.ofDays(367)).toString());
        tooFarAhead.put("validUntil", now.plus(Duration.ofDays(368)).toString());
        assertFieldProblem(postDeal(tooFarAhead), "validFrom");
        assertFieldProblem(postDeal(with("validUntil", null)), "validUntil");
    }

    @Test
    void titleAndDescriptionAreBounded() {
        assertFieldProblem(postDeal(with("title", "")), "title");
        assertFieldProblem(postDeal(with("title", "   \t ")), "title");
        assertFieldProblem(postDeal(with("title", null)), "title");
        assertFieldProblem(postDeal(with("title", "t".repeat(121))), "title");
        assertFieldProblem(postDeal(with("description", "d".repeat(2001))), "description");
        assertThat(postDeal(with("title", "t".repeat(120))).status()).isEqualTo(201);
        assertThat(postDeal(with("description", "d".repeat(2000))).status()).isEqualTo(201);
    }

    @Test
    void aDealIsCreatedWithALocationThatShowsTheSameDeal() {
        Answer created = postDeal(valid());
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location)
                .endsWith("/api/v1/deals/" + created.json().get("id").asString());
        Answer fetched =
                api.get(URI.create("http://127.0.0.1:" + port).resolve(location).getPath());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
        assertThat(fetched.json().get("status").asString()).isEqualTo("ACTIVE");
    }

    // --- looking things up --------------------------------------------------------------------

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertProblem(api.get(DEALS + "/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(api.get(DEALS + "/not-a-uuid"), 404, "not-found");
        assertProblem(api.get(DEALS + "/12345"), 404, "not-found");
        assertProblem(api.getAsShopper("alice", "/api/v1/claims/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(api.getAsShopper("alice", "/api/v1/claims/xyz"), 404, "not-found");
        assertProblem(api.get("/api/v1/no-such-thing"), 404, "not-found");
    }

    // --- discovery ----------------------------------------------------------------------------

    @Test
    void nearbyRejectsBadCoordinatesRadiiAndLimits() {
        String ok = "&lng=13.4&radiusKm=5";
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=90.5" + ok), "lat");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=-90.5" + ok), "lat");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=180.1&radiusKm=5"), "lng");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=-181&radiusKm=5"), "lng");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=north" + ok), "lat");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lng=13.4&radiusKm=5"), "lat");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4"), "radiusKm");
        for (String notFinite : List.of("NaN", "Infinity", "-Infinity")) {
            for (String field : List.of("lat", "lng", "radiusKm")) {
                Map<String, String> params = new HashMap<>(Map.of("lat", "52", "lng", "13.4", "radiusKm", "5"));
                params.put(field, notFinite);
                JsonNode body = assertFieldProblem(
                        api.get("/api/v1/deals/nearby?lat=" + params.get("lat") + "&lng=" + params.get("lng")
                                + "&radiusKm=" + params.get("radiusKm")),
                        field);
                assertThat(body.get("errors")).as(body.toString()).hasSize(1);
                assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo("must be a finite number");
            }
        }
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=0"), "radiusKm");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=-1"), "radiusKm");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=100.5"), "radiusKm");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=1e9"), "radiusKm");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=5&limit=0"), "limit");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=5&limit=-3"), "limit");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=5&limit=101"), "limit");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=5&limit=2.5"), "limit");
        assertFieldProblem(api.get("/api/v1/deals/nearby?lat=52&lng=13.4&radiusKm=5&limit=99999999999"), "limit");

        JsonNode both = assertFieldProblem(api.get("/api/v1/deals/nearby?lat=95&lng=200&radiusKm=5"), "lat");
        assertThat(both.get("errors")).as(both.toString()).hasSize(2);
        assertThat(both.get("errors").get(1).get("field").asString()).isEqualTo("lng");

        assertThat(api.get("/api/v1/deals/nearby?lat=90&lng=-180&radiusKm=100&limit=100")
                        .status())
                .isEqualTo(200);
    }

    // --- claims -------------------------------------------------------------------------------

    @Test
    void aClaimBodyMayOnlyNameTheTokensOwnSubject() {
        UUID deal = api.createDeal("claim input", 1.5, 2.5, 10);
        String path = DEALS + "/" + deal + "/claims";
        String alice = TestIssuer.shared().token("alice");
        assertFieldProblem(api.postAs(alice, path, json(Map.of("userId", "bob"))), "userId");
        assertFieldProblem(api.postAs(alice, path, json(Map.of("userId", "u".repeat(65)))), "userId");
        assertProblem(api.postAs(alice, path, "{\"userId\": "), 400, "validation");
        assertThat(jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :d")
                        .param("d", deal)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(api.postAs(alice, path, json(Map.of("userId", "alice"))).status())
                .isEqualTo(201);
        assertThat(api.claim(deal, "u".repeat(64)).status()).isEqualTo(201);
        assertThat(api.claim(deal, "alice.b_c:d@e+f-1|x").status()).isEqualTo(201);
    }

    @Test
    void claimingAnUnknownOrMalformedDealIsNotFound() {
        assertProblem(api.claim(UUID.randomUUID(), "alice"), 404, "not-found");
        assertProblem(
                api.postAs(TestIssuer.shared().token("alice"), DEALS + "/not-a-uuid/claims", "{}"), 404, "not-found");
    }

    @Test
    void claimingAnExpiredOrFutureDealIsDealNotActive() {
        Instant now = Instant.now();
        Row expired =
                Row.active("expired", 3, 4).withWindow(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1)));
        Row future = Row.active("future", 3, 4).withWindow(now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        DealRows.insert(jdbc, expired, future);

        JsonNode ended = assertProblem(api.claim(expired.id(), "alice"), 409, "deal-not-active");
        assertThat(ended.get("detail").asString()).contains("ended");
        assertThat(Instant.parse(ended.get("validUntil").asString())).isEqualTo(expired.validUntil());
        JsonNode upcoming = assertProblem(api.claim(future.id(), "alice"), 409, "deal-not-active");
        assertThat(upcoming.get("detail").asString()).contains("starts");
        assertThat(Instant.parse(upcoming.get("validFrom").asString())).isEqualTo(future.validFrom());
        assertThat(claimsOf(expired.id()) + claimsOf(future.id())).isZero();
    }

    @Test
    void claimingASoldOutDealIsSoldOut() {
        Row soldOut = Row.active("sold out", 3, 4).withRemaining(0);
        DealRows.insert(jdbc, soldOut);
        assertProblem(api.claim(soldOut.id(), "alice"), 409, "sold-out");

        UUID lastOne = api.createDeal("last one", 3, 4, 1);
        assertThat(api.claim(lastOne, "bob").status()).isEqualTo(201);
        assertProblem(api.claim(lastOne, "carol"), 409, "sold-out");
        assertThat(claimsOf(lastOne)).isEqualTo(1);
    }

    @Test
    void aSecondClaimBySameUserNamesTheFirstClaim() {
        UUID deal = api.createDeal("once per user", 3, 4, 5);
        Answer first = api.claim(deal, "dave");
        assertThat(first.status()).isEqualTo(201);
        String claimId = first.json().get("id").asString();

        JsonNode again = assertProblem(api.claim(deal, "dave"), 409, "already-claimed");
        assertThat(again.get("claimId").asString()).isEqualTo(claimId);
        assertThat(Instant.parse(again.get("claimedAt").asString()))
                .isEqualTo(Instant.parse(first.json().get("claimedAt").asString()));
        assertThat(claimsOf(deal)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :id")
                        .param("id", deal)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aClaimIsCreatedWithALocationThatShowsTheSameClaim() {
        UUID deal = api.createDeal("claim round trip", 3, 4, 5);
        Answer created = api.claim(deal, "erin");
        assertThat(created.status()).isEqualTo(201);
        JsonNode claim = created.json();
        assertThat(created.header("Location"))
                .endsWith("/api/v1/claims/" + claim.get("id").asString());

        Answer fetched =
                api.getAsShopper("erin", "/api/v1/claims/" + claim.get("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("claimedAt").asString())
                .isEqualTo(claim.get("claimedAt").asString());
        assertThat(fetched.json()).isEqualTo(claim);
        assertThat(fetched.json().get("dealId").asString()).isEqualTo(deal.toString());
    }

    // --- protocol errors ----------------------------------------------------------------------

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        UUID deal = api.createDeal("method", 3, 4, 5);
        assertProblem(api.send(request(DEALS + "/" + deal).DELETE()), 405, "method-not-allowed");
        assertProblem(
                api.send(request("/api/v1/deals/nearby?lat=1&lng=1&radiusKm=1").DELETE()), 405, "method-not-allowed");
        assertProblem(
                api.send(request(DEALS)
                        .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Authorization", "Bearer " + api.merchant().apiKey())
                        .header("Content-Type", "application/json")),
                405,
                "method-not-allowed");
    }

    @Test
    void aWrongContentTypeIsUnsupportedMediaType() {
        assertProblem(
                api.send(request(DEALS)
                        .header("Content-Type", "text/plain")
                        .header("Authorization", "Bearer " + api.merchant().apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(json(valid())))),
                415,
                "unsupported-media-type");
        UUID deal = api.createDeal("media type", 3, 4, 5);
        assertProblem(
                api.send(request(DEALS + "/" + deal + "/claims")
                        .header("Content-Type", "application/xml")
                        .header("Authorization", "Bearer " + TestIssuer.shared().token("xml-shopper"))
                        .POST(HttpRequest.BodyPublishers.ofString("<userId>x</userId>"))),
                415,
                "unsupported-media-type");
    }

    @Test
    void anUnacceptableAcceptHeaderIsNotAcceptable() {
        UUID deal = api.createDeal("accept", 3, 4, 5);
        Answer answer = api.send(
                request(DEALS + "/" + deal).header("Accept", "text/csv").GET());
        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.raw().body()).doesNotContain("Exception", "java.", "org.");
    }

    // --- helpers ------------------------------------------------------------------------------

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private int claimsOf(UUID deal) {
        return jdbc.sql("SELECT count(*) FROM claims WHERE deal_id = :id")
                .param("id", deal)
                .query(Integer.class)
                .single();
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Half-price coffee");
        body.put("description", "Any size");
        body.put("latitude", 12.5);
        body.put("longitude", -7.25);
        body.put("totalInventory", 50);
        body.put("validUntil", Instant.now().plus(Duration.ofDays(1)).toString());
        return body;
    }

    /** Creating deals needs a merchant key; these tests are about the body, so they always send one. */
    private TestApi.Answer postDeal(String body) {
        return api.postAs(api.merchant().apiKey(), DEALS, body);
    }

    private TestApi.Answer postDeal(Map<String, ?> body) {
        return postDeal(TestApi.JSON.writeValueAsString(body));
    }

    private static String with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return json(body);
    }

    private static String json(Map<String, ?> body) {
        return TestApi.JSON.writeValueAsString(body);
    }

    private static JsonNode assertFieldProblem(Answer answer, String field) {
        JsonNode body = assertProblem(answer, 400, "validation");
        assertThat(body.get("errors")).as(answer.raw().body()).isNotNull().isNotEmpty();
        List<String> fields = new java.util.ArrayList<>();
        for (JsonNode error : body.get("errors")) {
            fields.add(error.get("field").asString());
            assertThat(error.get("message").asString()).isNotBlank();
        }
        assertThat(fields).as(answer.raw().body()).contains(field);
        return body;
    }

    static JsonNode assertProblem(Answer answer, int status, String slug) {
        String raw = answer.raw().body();
        assertThat(answer.status())
                .as(answer.raw().request().uri() + " -> " + raw)
                .isEqualTo(status);
        assertThat(answer.contentType()).as(raw).startsWith("application/problem+json");
        assertThat(raw).doesNotContain("Exception", "java.", "SELECT", "org.", "at com.", "hibernate", "jdbc");
        JsonNode body = answer.json();
        assertThat(body.get("type").asString()).isEqualTo("urn:flashsale:problem:" + slug);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString())
                .isEqualTo(answer.raw().request().uri().getPath());
        return body;
    }
}
