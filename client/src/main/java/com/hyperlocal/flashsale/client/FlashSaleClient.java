package com.hyperlocal.flashsale.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The server's HTTP API, as the merchant CLI and the till use it. Every failure is an
 * {@link ApiException}; nothing here prints or logs. Thread-safe: one instance per
 * (server, API key) can be shared.
 */
public final class FlashSaleClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The server's largest page of revocations. */
    public static final int MAX_REVOCATIONS_PAGE = 1000;

    private final Transport transport;

    /**
     * @param apiKey the merchant API key, or null/blank for the public endpoints only
     */
    public FlashSaleClient(ServerOrigin server, @Nullable String apiKey, Duration timeout) {
        this.transport = new Transport(server, apiKey, timeout);
    }

    /** As the constructor, from a URL string; an unusable URL is an IllegalArgumentException. */
    public static FlashSaleClient of(String serverUrl, @Nullable String apiKey) {
        return new FlashSaleClient(ServerOrigin.parse(serverUrl), apiKey, DEFAULT_TIMEOUT);
    }

    public ServerOrigin server() {
        return transport.origin();
    }

    public boolean hasApiKey() {
        return transport.hasApiKey();
    }

    public Merchant me() {
        return get("api/v1/merchant/me", true, Merchant.class);
    }

    record DealList(List<Deal> deals) {}

    /** The merchant's deals, newest first, closed and ended ones included. */
    public List<Deal> deals() {
        DealList list = get("api/v1/merchant/deals", true, DealList.class);
        return list.deals() == null ? List.of() : list.deals();
    }

    public Deal deal(UUID id) {
        return get("api/v1/merchant/deals/" + id, true, Deal.class);
    }

    /** The public view of any deal; empty when the server does not know it. */
    public Optional<Deal> publicDeal(UUID id) {
        try {
            return Optional.of(get("api/v1/deals/" + id, false, Deal.class));
        } catch (ApiException.HttpError e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** POST /api/v1/deals; {@code replayed} when the idempotency key was seen before. */
    public Created createDeal(CreateDealRequest body, @Nullable String idempotencyKey) {
        String[] headers = idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey};
        HttpResponse<String> r = transport.send("POST", uri("api/v1/deals"), Json.compact(body), true, headers);
        boolean replayed = r.statusCode() == 200
                || r.headers()
                        .firstValue("Idempotent-Replayed")
                        .map(v -> v.equalsIgnoreCase("true"))
                        .orElse(false);
        return new Created(Json.read(r.body(), Deal.class), replayed);
    }

    /** Ends the deal now; with {@code voidVouchers} every unredeemed voucher is revoked too. */
    public Deal closeDeal(UUID id, boolean voidVouchers) {
        return post(
                "api/v1/merchant/deals/" + id + "/close" + (voidVouchers ? "?voidVouchers=true" : ""),
                null,
                Deal.class);
    }

    /** Revokes one voucher; revoking it again answers the first revocation. */
    public Revocation revoke(UUID claimId, @Nullable String reason) {
        String body = Json.compact(reason == null ? Map.of() : Map.of("reason", reason));
        return post("api/v1/merchant/claims/" + claimId + "/revoke", body, Revocation.class);
    }

    /**
     * The merchant's revocations after {@code cursor} (null: from the start), at most
     * {@code limit} (1..{@value #MAX_REVOCATIONS_PAGE}).
     */
    public RevocationPage revocations(@Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_REVOCATIONS_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_REVOCATIONS_PAGE);
        }
        String query = "?limit=" + limit
                + (cursor == null || cursor.isEmpty()
                        ? ""
                        : "&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get("api/v1/merchant/revocations" + query, true, RevocationPage.class);
    }

    record RedemptionList(List<Redemption> redemptions) {}

    /** The merchant's redemptions and logged scans, newest first. */
    public List<Redemption> redemptions(boolean conflictsOnly) {
        RedemptionList list = get(
                "api/v1/merchant/redemptions" + (conflictsOnly ? "?conflicts=true" : ""), true, RedemptionList.class);
        return list.redemptions() == null ? List.of() : list.redemptions();
    }

    /** Uploads up to {@value Upload#MAX_ITEMS} scans; answers come back in upload order. */
    public Upload.Result upload(String deviceId, List<Upload.Item> items) {
        if (items.size() > Upload.MAX_ITEMS) {
            throw new IllegalArgumentException("at most " + Upload.MAX_ITEMS + " scans per upload");
        }
        return post("api/v1/redemptions", Json.compact(new Upload.Body(deviceId, items)), Upload.Result.class);
    }

    public VoucherConfiguration voucherConfiguration() {
        return get(".well-known/voucher-configuration", false, VoucherConfiguration.class);
    }

    /** The raw JWK set at {@code uri}, which must be on this server's origin. */
    String jwksJson(URI uri) {
        return transport.send("GET", uri, null, false).body();
    }

    URI uri(String path) {
        return transport.origin().resolve(path);
    }

    /** The merchant's webhook registrations and deliveries. */
    public Webhooks webhooks() {
        return new Webhooks(this);
    }

    <T> T get(String path, boolean authenticated, Class<T> type) {
        return Json.read(transport.send("GET", uri(path), null, authenticated).body(), type);
    }

    <T> T post(String path, @Nullable String json, Class<T> type) {
        return Json.read(transport.send("POST", uri(path), json, true).body(), type);
    }

    void delete(String path) {
        transport.send("DELETE", uri(path), null, true);
    }
}
