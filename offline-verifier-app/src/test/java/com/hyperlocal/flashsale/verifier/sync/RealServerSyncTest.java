package com.hyperlocal.flashsale.verifier.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.client.CreateDealRequest;
import com.hyperlocal.flashsale.client.Deal;
import com.hyperlocal.flashsale.client.FlashSaleClient;
import com.hyperlocal.flashsale.testing.ServerProcess;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.AppPaths;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.counter.ScanOutcome;
import com.hyperlocal.flashsale.verifier.counter.Verdict;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(tillAAgain.scans().pendingCount()).isEqualTo(2);
        backOnline(tillAAgain, server, shop);
        backOnline(tillB, server, shop);

        SyncService.Report fromA = tillAAgain.sync().syncOnce();
        SyncService.Report fromB = tillB.sync().syncOnce();

        assertThat(fromA.sent()).isEqualTo(2);
        assertThat(fromA.conflicts()).isZero();
        assertThat(fromB.conflicts()).isEqualTo(1);
        ScanRecord conflict = tillB.scans().problems().get(0);
        assertThat(conflict.conflict().deviceId()).isEqualTo("till-a");
        assertThat(tillAAgain.sync().syncOnce().sent())
                .as("a resend has nothing left to send")
                .isZero();
        String onServer = server.send(HttpRequest.newBuilder(
                                URI.create(server.url() + "/api/v1/merchant/redemptions?conflicts=false"))
                        .header("Authorization", "Bearer " + shop.apiKey()))
                .body();
        assertThat(count(onServer, "\"status\":\"ACCEPTED\"")).isEqualTo(1); // till A's redemption
        assertThat(count(onServer, "\"status\":\"LOGGED\"")).isEqualTo(1); // till A's refused rescan
        assertThat(count(onServer, "\"status\":\"CONFLICT\"")).isEqualTo(1); // till B's redemption
        assertThat(onServer).contains("\"deviceId\":\"till-b\"");
        tillAAgain.close();
        tillB.close();
    }

    @Test
    void aTillThatSyncedRefusesRevokedAndVoidedVouchersOfflineAndNamesTheDeal(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.shared();
        ServerProcess.Merchant shop = server.createMerchant("Dosa corner");
        FlashSaleClient merchant = FlashSaleClient.of(server.url(), shop.apiKey());
        Deal dosa = deal(merchant, "Masala dosa, 2 for 1");
        Deal chai = deal(merchant, "Evening chai");
        String kept = claim(server, dosa, "priya");
        String refunded = claim(server, dosa, "arjun");
        String voided = claim(server, chai, "meera");
        VerifierContext till = till(dir, server, shop, "till-a");
        till.refreshKeys();
        merchant.revoke(claimId(merchant, refunded), "refunded");
        merchant.closeDeal(chai.id(), true);

        SyncService.Report synced = till.sync().syncOnce();
        goOffline(till);

        assertThat(synced.deals()).isEqualTo(2);
        assertThat(synced.newRevocations()).isEqualTo(2);
        ScanOutcome ok = till.counter().scan(kept);
        assertThat(ok.verdict()).isEqualTo(Verdict.VALID);
        assertThat(ok.dealTitle()).isEqualTo("Masala dosa, 2 for 1");
        ScanOutcome revoked = till.counter().scan(refunded);
        assertThat(revoked.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(revoked.message()).isEqualTo("The shop cancelled this voucher (refunded).");
        ScanOutcome closed = till.counter().scan(voided);
        assertThat(closed.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(closed.reason()).isEqualTo(com.hyperlocal.flashsale.verifier.counter.CounterService.DEAL_VOIDED);
        assertThat(closed.dealTitle()).isEqualTo("Evening chai");
        SyncStatus status = till.sync().status();
        assertThat(status.dealsAt()).isNotNull();
        assertThat(status.revocationsAt()).isNotNull();
        till.close();
    }

    @Test
    void aRevocationAfterAnOfflineRedemptionComesBackAsAConflictOnTheTill(@TempDir Path dir) throws Exception {
        ServerProcess server = ServerProcess.shared();
        ServerProcess.Merchant shop = server.createMerchant("Chai stall");
        FlashSaleClient merchant = FlashSaleClient.of(server.url(), shop.apiKey());
        String token = claim(server, deal(merchant, "Chai"), "priya");
        VerifierContext till = till(dir, server, shop, "till-a");
        till.refreshKeys();
        till.sync().syncOnce();
        goOffline(till);

        assertThat(till.counter().scan(token).verdict()).isEqualTo(Verdict.VALID); // not yet revoked here
        UUID claimId = claimId(merchant, token);
        merchant.revoke(claimId, "fraud");
        backOnline(till, server, shop);
        SyncService.Report r = till.sync().syncOnce();

        assertThat(r.conflicts()).isEqualTo(1);
        ScanRecord problem = till.scans().problems().get(0);
        assertThat(problem.claimId()).isEqualTo(claimId);
        assertThat(problem.serverStatus()).isEqualTo("CONFLICT");
        assertThat(problem.serverReason()).contains("revoked");
        assertThat(till.database().revocations().find(claimId).orElseThrow().reason())
                .isEqualTo("fraud");
        assertThat(till.sync().status().problems()).isEqualTo(1);
        assertThat(merchant.redemptions(true))
                .singleElement()
                .satisfies(x -> assertThat(x.claimId()).isEqualTo(claimId.toString()));
        till.close();
    }

    private static Deal deal(FlashSaleClient merchant, String title) {
        return merchant.createDeal(
                        new CreateDealRequest(
                                title,
                                null,
                                18.52,
                                73.85,
                                5,
                                null,
                                Instant.now().plus(Duration.ofHours(2))),
                        null)
                .deal();
    }

    private static String claim(ServerProcess server, Deal deal, String user) {
        HttpResponse<String> claim = server.claimAs(user, deal.id());
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        return field(claim.body(), "voucher");
    }

    /** The voucher's claim id, read off its (verified) token by common-crypto. */
    private static UUID claimId(FlashSaleClient merchant, String token) {
        var cache = com.hyperlocal.flashsale.client.KeySets.fetch(merchant, Clock.systemUTC())
                .cache();
        var result = cache.verifier(Clock.systemUTC()).verify(token);
        return ((com.hyperlocal.flashsale.crypto.VerificationResult.Valid) result)
                .claims()
                .claimId();
    }

    private static VerifierContext till(Path dir, ServerProcess server, ServerProcess.Merchant shop, String device) {
        AppPaths paths = AppPaths.of(java.util.Map.of(), dir.resolve("home"));
        DeviceConfigStore store = new DeviceConfigStore(paths);
        DeviceConfig c = store.loadOrCreate();
        if (c.apiKey().isEmpty()) {
            store.save(new DeviceConfig(
                    server.url(),
                    shop.apiKey(),
                    device,
                    null,
                    DeviceConfig.DEFAULT_MAX_KEY_AGE,
                    c.keyCache(),
                    c.database()));
        }
        return new VerifierContext(
                store,
                new VerifierContext.Options(
                        Clock.systemUTC(),
                        null,
                        List::of,
                        new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0, () -> 0),
                        Duration.ofMinutes(1)));
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
                .header("Authorization", "Bearer " + shop.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Chai\",\"latitude\":18.52,\"longitude\":73.85,"
                        + "\"totalInventory\":5,\"validUntil\":\"" + until + "\"}")));
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
        HttpResponse<String> claim = server.send(HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v1/deals/" + field(deal.body(), "id") + "/claims"))
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
