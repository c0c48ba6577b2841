package com.hyperlocal.flashsale.verifier.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hyperlocal.flashsale.testing.ServerProcess;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.AppPaths;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.counter.ScanOutcome;
import com.hyperlocal.flashsale.verifier.counter.Verdict;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole counter story against the real server (its jar, as a separate process, on throw-away
 * embedded PostgreSQL and Redis): two tills verify the same voucher while offline, one of them
 * restarts before the connection returns, then both sync — one redemption accepted, one conflict,
 * both visible on the till and on the server, nothing lost, nothing duplicated.
 */
class RealServerSyncTest {

    private static final String NOWHERE = "http://127.0.0.1:1";

    @Test
    void twoTillsRedeemingOneVoucherOfflineSyncToOneAcceptedAndOneConflict(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.shared();
        ServerProcess.Merchant shop = server.createMerchant("Counter shop");
        String token = claimVoucher(server, shop);

        VerifierContext tillA = till(dir.resolve("a"), server, shop, "till-a");
        VerifierContext tillB = till(dir.resolve("b"), server, shop, "till-b");
        tillA.refreshKeys();
        tillB.refreshKeys();
        goOffline(tillA);
        goOffline(tillB);

        ScanOutcome atA = tillA.counter().scan(token);
        ScanOutcome atB = tillB.counter().scan(token);
        ScanOutcome againAtA = tillA.counter().scan(token);
        assertThat(atA.verdict()).isEqualTo(Verdict.VALID);
        assertThat(atB.verdict()).isEqualTo(Verdict.VALID);
        assertThat(againAtA.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(againAtA.message()).containsIgnoringCase("already redeemed");
        assertThatThrownBy(() -> tillA.sync().syncOnce()).isInstanceOf(ServerException.class);

        // Till A restarts (power cut) before the connection returns: nothing may be lost.
        tillA.close();
        VerifierContext tillAAgain = till(dir.resolve("a"), server, shop, "till-a");
        assertThat(tillAAgain.store().pendingCount()).isEqualTo(2);
        backOnline(tillAAgain, server, shop);
        backOnline(tillB, server, shop);

        SyncService.Report fromA = tillAAgain.sync().syncOnce();
        SyncService.Report fromB = tillB.sync().syncOnce();

        assertThat(fromA.sent()).isEqualTo(2);
        assertThat(fromA.conflicts()).isZero();
        assertThat(fromB.conflicts()).isEqualTo(1);
        ScanRecord conflict = tillB.store().problems().get(0);
        assertThat(conflict.conflict().deviceId()).isEqualTo("till-a");
        assertThat(tillAAgain.sync().syncOnce().sent()).as("a resend has nothing left to send").isZero();
        String onServer = server.send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/api/v1/merchant/redemptions?conflicts=false"))
                .header("Authorization", "Bearer " + shop.apiKey())).body();
        assertThat(count(onServer, "\"status\":\"ACCEPTED\"")).isEqualTo(1);   // till A's redemption
        assertThat(count(onServer, "\"status\":\"LOGGED\"")).isEqualTo(1);     // till A's refused rescan
        assertThat(count(onServer, "\"status\":\"CONFLICT\"")).isEqualTo(1);   // till B's redemption
        assertThat(onServer).contains("\"deviceId\":\"till-b\"");
        tillAAgain.close();
        tillB.close();
    }

    private static VerifierContext till(Path dir, ServerProcess server, ServerProcess.Merchant shop, String device) {
        AppPaths paths = AppPaths.of(java.util.Map.of(), dir.resolve("home"));
        DeviceConfigStore store = new DeviceConfigStore(paths);
        DeviceConfig c = store.loadOrCreate();
        if (c.apiKey().isEmpty()) {
            store.save(new DeviceConfig(server.url(), shop.apiKey(), device, null, DeviceConfig.DEFAULT_MAX_KEY_AGE,
                    c.keyCache(), c.database()));
        }
        return new VerifierContext(store, new VerifierContext.Options(Clock.systemUTC(), null, List::of,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0, () -> 0), Duration.ofMinutes(1)));
    }

    private static void goOffline(VerifierContext till) {
        DeviceConfig c = till.config();
        till.updateConfig(c.withServer(NOWHERE, c.apiKey(), c.merchantId(), c.maxKeyAge()));
    }

    private static void backOnline(VerifierContext till, ServerProcess server, ServerProcess.Merchant shop) {
        DeviceConfig c = till.config();
        till.updateConfig(c.withServer(server.url(), shop.apiKey(), c.merchantId(), c.maxKeyAge()));
    }

    private static String claimVoucher(ServerProcess server, ServerProcess.Merchant shop) {
        String until = Instant.now().plus(Duration.ofHours(2)).toString();
        HttpResponse<String> deal = server.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/deals"))
                .header("Authorization", "Bearer " + shop.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Chai\",\"latitude\":18.52,\"longitude\":73.85,"
                        + "\"totalInventory\":5,\"validUntil\":\"" + until + "\"}")));
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
        HttpResponse<String> claim = server.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/deals/"
                        + field(deal.body(), "id") + "/claims"))
                .header("Authorization", "Bearer " + server.shopperToken("priya"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        return field(claim.body(), "voucher");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
