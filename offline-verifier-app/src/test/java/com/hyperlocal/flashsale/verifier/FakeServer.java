package com.hyperlocal.flashsale.verifier;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback server implementing the platform contract this app talks to (merchant auth,
 * well-known keys, deal titles, idempotent redemption uploads with DUPLICATE / CONFLICT /
 * REJECTED), with switches to fail, lose responses or answer slowly.
 */
public final class FakeServer implements AutoCloseable {

    public static final String API_KEY = "test-api-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Stored(
            UUID redemptionId,
            String deviceId,
            String outcome,
            String status,
            Instant scannedAt,
            Instant receivedAt,
            UUID conflictsWith) {}

    private final HttpServer http;
    private final UUID merchantId = VoucherTestVectors.settings().merchantId();
    public final Deque<Integer> failNext = new ArrayDeque<>();
    public final AtomicInteger loseNextResponses = new AtomicInteger();
    public final AtomicInteger uploadRequests = new AtomicInteger();
    public final Map<UUID, AtomicInteger> receivedPerClientId = new ConcurrentHashMap<>();
    public final Map<UUID, Stored> byClientId = new ConcurrentHashMap<>();
    public final Map<UUID, Stored> firstByClaim = new ConcurrentHashMap<>();
    public final Map<UUID, String> dealTitles = new ConcurrentHashMap<>();
    /** In revocation order; the cursor is the count already sent. */
    public final List<ObjectNode> revocations = new java.util.concurrent.CopyOnWriteArrayList<>();

    public final List<String> revocationCursors = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Another device redeemed this voucher first (e.g. uploaded before us). */
    public void redeemedElsewhere(UUID claimId, String deviceId, Instant scannedAt) {
        firstByClaim.put(
                claimId,
                new Stored(
                        UUID.randomUUID(),
                        deviceId,
                        "REDEEMED",
                        "ACCEPTED",
                        scannedAt,
                        scannedAt.plusSeconds(5),
                        null));
    }

    public void revoke(UUID claimId, UUID dealId, String reason) {
        revocations.add(JSON.createObjectNode()
                .put("claimId", claimId.toString())
                .put("dealId", dealId.toString())
                .put("revokedAt", Instant.now().toString())
                .put("reason", reason));
    }

    private void deals(HttpExchange ex) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("deals");
        dealTitles.forEach((id, title) ->
                list.addObject().put("id", id.toString()).put("title", title).put("status", "ACTIVE"));
        send(ex, 200, body.toString());
    }

    private void revocations(HttpExchange ex) throws IOException {
        String query =
                ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
        String since = null;
        int limit = 100;
        for (String part : query.split("&")) {
            if (part.startsWith("since=")) {
                since = part.substring(6);
            } else if (part.startsWith("limit=")) {
                limit = Integer.parseInt(part.substring(6));
            }
        }
        revocationCursors.add(since);
        int from = since == null ? 0 : Integer.parseInt(since);
        int to = Math.min(revocations.size(), from + limit);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("revocations");
        revocations.subList(from, to).forEach(list::add);
        body.put("cursor", String.valueOf(to)).put("hasMore", to < revocations.size());
        send(ex, 200, body.toString());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean authed = ("Bearer " + API_KEY).equals(ex.getRequestHeaders().getFirst("Authorization"));
            if (path.equals("/.well-known/jwks.json")) {
                send(ex, 200, VoucherTestVectors.trustedJwksJson());
            } else if (path.equals("/.well-known/voucher-configuration")) {
                send(
                        ex,
                        200,
                        JSON.createObjectNode()
                                .put("issuer", VoucherTestVectors.settings().issuer())
                                .put("jwks_uri", baseUrl() + "/.well-known/jwks.json")
                                .toString());
            } else if (path.startsWith("/api/v1/deals/")) {
                String title = dealTitles.get(UUID.fromString(path.substring("/api/v1/deals/".length())));
                if (title == null) {
                    problem(ex, 404, "not-found");
                } else {
                    send(ex, 200, JSON.createObjectNode().put("title", title).toString());
                }
            } else if (!authed) {
                problem(ex, 401, "unauthorized");
            } else if (path.equals("/api/v1/merchant/me")) {
                send(
                        ex,
                        200,
                        JSON.createObjectNode()
                                .put("id", merchantId.toString())
                                .put("name", "Test shop")
                                .toString());
            } else if (path.equals("/api/v1/merchant/deals")) {
                deals(ex);
            } else if (path.equals("/api/v1/merchant/revocations")) {
                revocations(ex);
            } else if (path.equals("/api/v1/redemptions")
                    && ex.getRequestMethod().equals("POST")) {
                upload(ex);
            } else {
                problem(ex, 404, "not-found");
            }
        }
    }

    private void upload(HttpExchange ex) throws IOException {
        uploadRequests.incrementAndGet();
        Integer fail;
        synchronized (failNext) {
            fail = failNext.poll();
        }
        if (fail != null) {
            problem(ex, fail, "dependency-unavailable");
            return;
        }
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String device = body.path("deviceId").asString();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode item : body.path("items")) {
            results.add(record(device, item));
        }
        if (loseNextResponses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // Recorded, but the answer never reaches the till (e.g. the Wi-Fi dropped).
            problem(ex, 503, "dependency-unavailable");
            return;
        }
        send(ex, 200, answer.toString());
    }

    private synchronized ObjectNode record(String device, JsonNode item) {
        UUID clientId = UUID.fromString(item.path("clientId").asString());
        receivedPerClientId.computeIfAbsent(clientId, k -> new AtomicInteger()).incrementAndGet();
        ObjectNode r = JSON.createObjectNode().put("clientId", clientId.toString());
        Stored seen = byClientId.get(clientId);
        if (seen != null) {
            r.put("status", "DUPLICATE")
                    .put("redemptionId", seen.redemptionId().toString())
                    .put("reason", "already recorded as " + seen.status());
            if (seen.conflictsWith() != null) {
                conflict(
                        r,
                        firstByClaim.values().stream()
                                .filter(s -> s.redemptionId().equals(seen.conflictsWith()))
                                .findFirst()
                                .orElseThrow());
            }
            return r;
        }
        Instant scannedAt = Instant.parse(item.path("scannedAt").asString());
        Instant now = Instant.now();
        if (item.path("outcome").asString().equals("REFUSED")) {
            Stored s = new Stored(UUID.randomUUID(), device, "REFUSED", "LOGGED", scannedAt, now, null);
            byClientId.put(clientId, s);
            return r.put("status", "ACCEPTED")
                    .put("redemptionId", s.redemptionId().toString());
        }
        UUID claim = claimOf(item.path("token").asString());
        if (claim == null) {
            return r.put("status", "REJECTED").put("reason", "not a voucher of this merchant");
        }
        Stored first = firstByClaim.get(claim);
        if (first != null) {
            Stored s =
                    new Stored(UUID.randomUUID(), device, "REDEEMED", "CONFLICT", scannedAt, now, first.redemptionId());
            byClientId.put(clientId, s);
            r.put("status", "CONFLICT")
                    .put("redemptionId", s.redemptionId().toString())
                    .put("reason", "already redeemed");
            conflict(r, first);
            return r;
        }
        Stored s = new Stored(UUID.randomUUID(), device, "REDEEMED", "ACCEPTED", scannedAt, now, null);
        byClientId.put(clientId, s);
        firstByClaim.put(claim, s);
        return r.put("status", "ACCEPTED").put("redemptionId", s.redemptionId().toString());
    }

    private static void conflict(ObjectNode r, Stored first) {
        r.putObject("conflict")
                .put("redemptionId", first.redemptionId().toString())
                .put("deviceId", first.deviceId())
                .put("scannedAt", first.scannedAt().toString())
                .put("receivedAt", first.receivedAt().toString());
    }

    /** The jti of a token (the real server verifies the signature; the fake only reads it). */
    private static UUID claimOf(String token) {
        try {
            String payload = token.split("\\.")[1];
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return UUID.fromString(claims.path("jti").asString());
        } catch (Exception e) {
            return null;
        }
    }

    private static void problem(HttpExchange ex, int status, String slug) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] b = JSON.createObjectNode()
                .put("type", "urn:flashsale:problem:" + slug)
                .put("title", slug)
                .put("status", status)
                .put("detail", "fake " + slug)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
