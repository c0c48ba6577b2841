package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.client.ApiException;
import com.hyperlocal.flashsale.client.Deal;
import com.hyperlocal.flashsale.client.FlashSaleClient;
import com.hyperlocal.flashsale.client.KeySets;
import com.hyperlocal.flashsale.client.ServerOrigin;
import com.hyperlocal.flashsale.client.Upload;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.verifier.record.DealInfo;
import com.hyperlocal.flashsale.verifier.record.Revocation;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.ServerAnswer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link TillServer} over the shared {@code client} module: its calls and DTOs, mapped to the
 * till's records, and its {@link ApiException} kinds to "retry later" or "fix the settings".
 */
public final class HttpTillServer implements TillServer {

    /** Short: the till must tell "offline" quickly, and never holds a customer on it. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final @Nullable FlashSaleClient client;
    /** Why there is no client: the settings' URL is unusable. */
    private final @Nullable String unusable;

    private HttpTillServer(@Nullable FlashSaleClient client, @Nullable String unusable) {
        this.client = client;
        this.unusable = unusable;
    }

    /** A server from the settings; an unusable URL makes every call fail with the reason. */
    public static HttpTillServer of(String serverUrl, @Nullable String apiKey) {
        try {
            return new HttpTillServer(new FlashSaleClient(ServerOrigin.parse(serverUrl), apiKey, TIMEOUT), null);
        } catch (IllegalArgumentException e) {
            return new HttpTillServer(null, "Check the server address in Settings: " + e.getMessage() + ".");
        }
    }

    @Override
    public void checkAccess() throws ServerException {
        call(client()::me);
    }

    @Override
    public List<ServerAnswer> upload(String deviceId, List<ScanRecord> scans) throws ServerException {
        List<Upload.Item> items = scans.stream()
                .map(s -> new Upload.Item(
                        s.clientId(),
                        s.token(),
                        s.scannedAt(),
                        Upload.Outcome.valueOf(s.outcome().name()),
                        s.refusalReason()))
                .toList();
        Upload.Result result = call(() -> client().upload(deviceId, items));
        return result.results().stream().map(HttpTillServer::answer).toList();
    }

    @Override
    public List<DealInfo> deals() throws ServerException {
        return call(client()::deals).stream().map(HttpTillServer::deal).toList();
    }

    @Override
    public RevocationPage revocations(@Nullable String cursor, int limit) throws ServerException {
        var page = call(() -> client().revocations(cursor, Math.min(limit, FlashSaleClient.MAX_REVOCATIONS_PAGE)));
        return new RevocationPage(
                page.revocations().stream().map(HttpTillServer::revocation).toList(), page.cursor(), page.hasMore());
    }

    @Override
    public KeyCache fetchKeys(Clock clock) throws ServerException {
        return call(() -> KeySets.fetch(client(), clock).cache());
    }

    private FlashSaleClient client() throws ServerException {
        if (client == null) {
            throw new ServerException(
                    0, null, Objects.requireNonNull(unusable, "set when there is no client"), false, null);
        }
        return client;
    }

    private static ServerAnswer answer(Upload.ItemResult r) {
        Upload.FirstRedemption f = r.conflict();
        ServerAnswer.Conflict conflict = f == null
                ? null
                : new ServerAnswer.Conflict(uuid(f.redemptionId()), f.deviceId(), f.scannedAt(), f.receivedAt());
        return new ServerAnswer(
                r.clientId(),
                r.status().name(),
                r.redemptionId(),
                r.reason(),
                conflict,
                r.revocation() == null ? null : revocation(r.revocation()));
    }

    private static DealInfo deal(Deal d) {
        return new DealInfo(
                d.id(),
                d.title() == null ? "" : d.title(),
                d.validFrom(),
                d.validUntil(),
                d.status(),
                d.closedAt(),
                d.voidedVouchers() != null && d.voidedVouchers() > 0);
    }

    private static Revocation revocation(com.hyperlocal.flashsale.client.Revocation r) {
        return new Revocation(r.claimId(), r.dealId(), r.revokedAt(), r.reason());
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null; // another device's id format; only displayed
        }
    }

    private interface Call<T> {
        T run() throws ServerException;
    }

    private static <T> T call(Call<T> call) throws ServerException {
        try {
            return call.run();
        } catch (ApiException.Unreachable e) {
            throw new ServerException(0, null, "The server cannot be reached.", true, e);
        } catch (ApiException.HttpError e) {
            String message = e.status() == 401
                    ? "The server did not accept this till's API key."
                    : "The server answered " + e.status() + ": " + e.said();
            throw new ServerException(e.status(), e.slug().orElse(null), message, e.retryable(), e);
        } catch (ApiException e) {
            // BadAnswer (retry later) or Untrusted (someone must look at the server): 200 = it answered.
            throw new ServerException(200, null, e.getMessage(), e.retryable(), e);
        }
    }
}
