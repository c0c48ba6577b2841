package com.hyperlocal.flashsale.cli.http;

import com.hyperlocal.flashsale.cli.http.Records.Created;
import com.hyperlocal.flashsale.cli.http.Records.DealList;
import com.hyperlocal.flashsale.cli.http.Records.Merchant;
import com.hyperlocal.flashsale.cli.http.Records.Redemption;
import com.hyperlocal.flashsale.cli.http.Records.RedemptionList;
import com.hyperlocal.flashsale.cli.http.Records.VoucherConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The merchant API over {@link HttpClient}. Every error becomes an {@link ApiException} carrying
 * the status, the problem+json body and any Retry-After hint; nothing here prints.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    public ApiClient(String server, String apiKey) {
        this.base = URI.create(server.endsWith("/") ? server : server + "/");
        this.apiKey = apiKey;
        // HTTP/1.1: the server speaks no cleartext HTTP/2, so an h2c upgrade offer is wasted.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    /** POST /api/v1/deals; 200 + Idempotent-Replayed means the key was seen before. */
    public Created createDeal(CreateDealRequest body, String idempotencyKey) {
        HttpRequest.Builder b = request("api/v1/deals", true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> r = send(b);
        boolean replayed = r.statusCode() == 200 || r.headers().firstValue("Idempotent-Replayed")
                .map(v -> v.equalsIgnoreCase("true")).orElse(false);
        return new Created(Json.read(r.body(), Deal.class), replayed);
    }

    public List<Deal> listDeals() {
        DealList list = Json.read(send(request("api/v1/merchant/deals", true).GET()).body(), DealList.class);
        return list.deals() == null ? List.of() : list.deals();
    }

    public Deal deal(UUID id) {
        return Json.read(send(request("api/v1/merchant/deals/" + id, true).GET()).body(), Deal.class);
    }

    public Deal closeDeal(UUID id) {
        return Json.read(send(request("api/v1/merchant/deals/" + id + "/close", true)
                .POST(HttpRequest.BodyPublishers.noBody())).body(), Deal.class);
    }

    public Merchant me() {
        return Json.read(send(request("api/v1/merchant/me", true).GET()).body(), Merchant.class);
    }

    public List<Redemption> redemptions(boolean conflictsOnly) {
        String path = "api/v1/merchant/redemptions" + (conflictsOnly ? "?conflicts=true" : "");
        RedemptionList list = Json.read(send(request(path, true).GET()).body(), RedemptionList.class);
        return list.redemptions() == null ? List.of() : list.redemptions();
    }

    public VoucherConfiguration voucherConfiguration() {
        return Json.read(send(request(".well-known/voucher-configuration", false).GET()).body(),
                VoucherConfiguration.class);
    }

    /** The raw JWK set at {@code uri} (absolute, or relative to the server). */
    public String jwksJson(String uri) {
        URI target = base.resolve(uri == null ? ".well-known/jwks.json" : uri);
        return send(HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET()).body();
    }

    /**
     * An authenticated call to any merchant endpoint: {@code body} null sends none; returns the
     * answer's body (empty for 204). For commands that keep their own small API class.
     */
    public String call(String method, String path, String jsonBody) {
        HttpRequest.Builder b = request(path, true);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        String body = send(b).body();
        return body == null ? "" : body;
    }

    private HttpRequest.Builder request(String path, boolean authenticated) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "flashdeal-cli");
        if (authenticated && apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpResponse<String> r;
        try {
            r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ApiException.unreachable(base.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unreachable(base.toString(), e);
        }
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return r;
        }
        throw toException(r);
    }

    static ApiException toException(HttpResponse<String> r) {
        int status = r.statusCode();
        Problem problem = null;
        String contentType = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("json") && r.body() != null && !r.body().isBlank()) {
            try {
                problem = Json.MAPPER.readValue(r.body(), Problem.class);
            } catch (RuntimeException e) {
                problem = null; // a proxy's HTML-ish error page: fall back to the status line
            }
        }
        Duration retryAfter = r.headers().firstValue("Retry-After").flatMap(ApiClient::seconds).orElse(null);
        String said = problem != null && !problem.oneLine().isEmpty() ? problem.oneLine() : reason(status);
        StringBuilder message = new StringBuilder();
        if (status == 401) {
            message.append("not authorised (401): ").append(said)
                    .append("; check the API key (`flashdeal config show`)");
        } else if (status >= 500) {
            message.append("the server failed (").append(status).append("): ").append(said);
        } else {
            message.append(said).append(" (").append(status).append(')');
        }
        if (retryAfter != null) {
            message.append("; retry after ").append(retryAfter.toSeconds()).append(" s");
        }
        return new ApiException(status, problem, retryAfter, message.toString());
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // an HTTP-date: rare for us, not worth parsing
        }
    }

    private static String reason(int status) {
        switch (status) {
            case 400: return "bad request";
            case 401: return "unauthorized";
            case 403: return "forbidden";
            case 404: return "not found";
            case 409: return "conflict";
            case 422: return "unprocessable";
            case 429: return "too many requests";
            case 503: return "service unavailable";
            default: return "HTTP " + status;
        }
    }
}
