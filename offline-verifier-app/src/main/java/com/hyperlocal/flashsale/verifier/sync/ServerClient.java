package com.hyperlocal.flashsale.verifier.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.verifier.record.DealInfo;
import com.hyperlocal.flashsale.verifier.record.Revocation;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.ServerAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The platform's HTTP API as this app uses it. Built from a base URL and the merchant API key
 * only, so tests can point it at any server (a loopback fake or the real one). Thread-safe.
 */
public final class ServerClient implements TillServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public ServerClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, Duration.ofSeconds(10));
    }

    public ServerClient(String baseUrl, String apiKey, Duration timeout) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public URI base() {
        return base;
    }

    public record Merchant(UUID id, String name) {
    }

    public record VoucherConfiguration(String issuer, URI jwksUri) {
    }

    public Merchant me() throws ServerException {
        JsonNode n = json(get("api/v1/merchant/me", true));
        return new Merchant(UUID.fromString(n.path("id").asText()), n.path("name").asText(null));
    }

    public VoucherConfiguration voucherConfiguration() throws ServerException {
        JsonNode n = json(get(".well-known/voucher-configuration", false));
        String jwks = n.path("jwks_uri").asText("");
        return new VoucherConfiguration(n.path("issuer").asText(null),
                jwks.isEmpty() ? base.resolve(".well-known/jwks.json") : base.resolve(jwks));
    }

    /** The raw JWK set JSON (parsed and checked by common-crypto, not here). */
    public String jwks(URI uri) throws ServerException {
        return send(request(uri, false).GET().build());
    }

    @Override
    public void checkAccess() throws ServerException {
        me();
    }

    @Override
    public List<DealInfo> deals() throws ServerException {
        List<DealInfo> out = new ArrayList<>();
        for (JsonNode d : json(get("api/v1/merchant/deals", true)).path("deals")) {
            out.add(new DealInfo(UUID.fromString(d.path("id").asText()), d.path("title").asText(""),
                    instant(d.path("validFrom")), instant(d.path("validUntil")), d.path("status").asText(null),
                    instant(d.path("closedAt")), d.path("vouchersVoided").asBoolean(false)));
        }
        return out;
    }

    @Override
    public RevocationPage revocations(String cursor, int limit) throws ServerException {
        String query = "api/v1/merchant/revocations?limit=" + limit
                + (cursor == null ? "" : "&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode page = json(get(query, true));
        List<Revocation> out = new ArrayList<>();
        for (JsonNode r : page.path("revocations")) {
            out.add(new Revocation(UUID.fromString(r.path("claimId").asText()), uuid(r.path("dealId")),
                    instant(r.path("revokedAt")), r.path("reason").asText(null)));
        }
        return new RevocationPage(out, page.path("cursor").asText(null), page.path("hasMore").asBoolean(false));
    }

    /**
     * What offline verification needs, the way {@code flashdeal keys pull} fetches it: issuer and
     * JWKS location from the voucher configuration, the keys, and the merchant id.
     */
    @Override
    public KeyCache fetchKeys(Clock clock) throws ServerException {
        VoucherConfiguration conf = voucherConfiguration();
        if (conf.issuer() == null || conf.issuer().isBlank()) {
            throw new ServerException(200, null, "The server did not say who issues its vouchers.", false, null);
        }
        TrustedKeys keys;
        try {
            keys = TrustedKeys.fromJwksJson(jwks(conf.jwksUri()));
        } catch (VoucherKeyException e) {
            throw new ServerException(200, null, "The server's voucher keys are unusable: " + e.getMessage(), false, e);
        }
        Merchant me = me();
        String url = base.toString();
        return new KeyCache(conf.issuer(), me.id(), url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                clock.instant(), keys);
    }

    /** Uploads up to {@value #MAX_BATCH} scans; answers come back in upload order. */
    @Override
    public List<ServerAnswer> upload(String deviceId, List<ScanRecord> scans) throws ServerException {
        if (scans.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " scans per upload");
        }
        ObjectNode body = JSON.createObjectNode().put("deviceId", deviceId);
        ArrayNode items = body.putArray("items");
        for (ScanRecord s : scans) {
            items.addObject().put("clientId", s.clientId().toString()).put("token", s.token())
                    .put("scannedAt", s.scannedAt().toString()).put("outcome", s.outcome().name())
                    .put("refusalReason", s.refusalReason());
        }
        HttpRequest req = request(base.resolve("api/v1/redemptions"), true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        List<ServerAnswer> out = new ArrayList<>();
        for (JsonNode r : json(send(req)).path("results")) {
            JsonNode c = r.path("conflict");
            out.add(new ServerAnswer(UUID.fromString(r.path("clientId").asText()), r.path("status").asText(),
                    uuid(r.path("redemptionId")), r.path("reason").asText(null),
                    c.isObject() ? new ServerAnswer.Conflict(uuid(c.path("redemptionId")),
                            c.path("deviceId").asText(null), instant(c.path("scannedAt")),
                            instant(c.path("receivedAt"))) : null));
        }
        return out;
    }

    private String get(String path, boolean auth) throws ServerException {
        return send(request(base.resolve(path), auth).GET().build());
    }

    private HttpRequest.Builder request(URI uri, boolean auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (auth) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private String send(HttpRequest req) throws ServerException {
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The exception's class name means nothing at a counter; the cause keeps it for a log.
            throw new ServerException(0, null, "The server cannot be reached.", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, null, "Interrupted while talking to the server.", true, e);
        }
        int status = res.statusCode();
        if (status / 100 == 2) {
            return res.body();
        }
        throw problem(status, res.body());
    }

    private static ServerException problem(int status, String body) {
        String type = null;
        String detail = null;
        try {
            JsonNode p = JSON.readTree(body);
            String t = p.path("type").asText("");
            type = t.startsWith("urn:flashsale:problem:") ? t.substring("urn:flashsale:problem:".length()) : null;
            detail = p.path("detail").asText(p.path("title").asText(null));
        } catch (IOException | RuntimeException ignored) {
            // Not problem+json (a proxy's error page): the status alone will do.
        }
        boolean retryable = status >= 500 || status == 429 || status == 408;
        String message = status == 401 ? "The server did not accept this till's API key."
                : "The server answered " + status + (detail == null ? "" : ": " + detail);
        return new ServerException(status, type, message, retryable, null);
    }

    private static JsonNode json(String body) throws ServerException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ServerException(200, null, "The server's answer was not JSON.", true, e);
        }
    }

    private static UUID uuid(JsonNode n) {
        return n.isTextual() ? UUID.fromString(n.asText()) : null;
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
