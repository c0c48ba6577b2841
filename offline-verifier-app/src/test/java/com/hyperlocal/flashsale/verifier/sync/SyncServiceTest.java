package com.hyperlocal.flashsale.verifier.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.FakeServer;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.counter.ScanOutcome;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.SyncState;
import com.hyperlocal.flashsale.verifier.record.TillDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload of queued scans against a loopback server implementing the redemption contract. */
class SyncServiceTest {

    @TempDir
    Path dir;

    FakeServer server;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    String valid() {
        return VoucherTestVectors.token("valid.jwt");
    }

    @Test
    void retriesTwo503sWithGrowingBackoffThenSucceeds() throws Exception {
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            ScanOutcome out = ctx.counter().scan(valid());
            server.failNext.add(503);
            server.failNext.add(503);

            SyncService.Report r = ctx.sync().syncWithRetry(5, waits::add);

            assertThat(r.sent()).isEqualTo(1);
            assertThat(server.uploadRequests.get()).isEqualTo(3);
            assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
            ScanRecord row = ctx.scans().find(out.clientId()).orElseThrow();
            assertThat(row.syncState()).isEqualTo(SyncState.SYNCED);
            assertThat(row.serverStatus()).isEqualTo("ACCEPTED");
            assertThat(ctx.sync().status().online()).isTrue();
            assertThat(ctx.sync().status().lastSuccess())
                    .isEqualTo(Fixtures.clock().instant());
        }
    }

    @Test
    void backoffDoublesUpToTheCapAndJitterOnlyShortens() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5, () -> 0.999);
        Backoff noJitter = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5, () -> 0);
        assertThat(noJitter.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.delay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(noJitter.delay(50)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delay(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void offlineKeepsEverythingPendingAndSaysOffline() throws Exception {
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            ctx.counter().scan(valid());
            server.close(); // the shop's connection drops

            assertThatThrownBy(() -> ctx.sync().syncWithRetry(3, waits::add))
                    .isInstanceOf(ServerException.class)
                    .hasMessageContaining("cannot be reached")
                    .matches(e -> ((ServerException) e).retryable());

            assertThat(waits).hasSize(2);
            assertThat(ctx.scans().pendingCount()).isEqualTo(1);
            assertThat(ctx.sync().status().online()).isFalse();
            assertThat(ctx.sync().status().lastSuccess()).isNull();
        }
    }

    @Test
    void aCrashBetweenRecordAndSyncLosesNothingAndDuplicatesNothing() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            ids.add(ctx.counter().scan(valid()).clientId());
            ids.add(ctx.counter().scan(VoucherTestVectors.token("expired.jwt")).clientId());
            ids.add(ctx.counter().scan(valid()).clientId()); // already redeemed here
        }
        // "Crash": the process ended without syncing. A new process opens the same files.
        try (VerifierContext ctx = new VerifierContext(
                new com.hyperlocal.flashsale.verifier.config.DeviceConfigStore(Fixtures.paths(dir)),
                Fixtures.options(List::of))) {
            assertThat(ctx.scans().pendingCount()).isEqualTo(3);
            server.loseNextResponses.set(1); // the first answer is lost on the way back

            ctx.sync().syncWithRetry(3, waits::add);

            assertThat(server.byClientId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(server.firstByClaim).hasSize(1); // one redemption on the server
            // Sent twice (lost answer), recorded once: the resend was answered DUPLICATE.
            ids.forEach(
                    id -> assertThat(server.receivedPerClientId.get(id).get()).isEqualTo(2));
            for (UUID id : ids) {
                ScanRecord row = ctx.scans().find(id).orElseThrow();
                assertThat(row.syncState()).isEqualTo(SyncState.SYNCED);
                assertThat(row.serverStatus()).isEqualTo("DUPLICATE");
                assertThat(row.redemptionId())
                        .isEqualTo(server.byClientId.get(id).redemptionId());
            }
            // Nothing left to send: another sync uploads nothing.
            assertThat(ctx.sync().syncOnce().sent()).isZero();
        }
    }

    @Test
    void aVoucherRedeemedOnAnotherDeviceComesBackAsAConflict() throws Exception {
        UUID claim = VoucherTestVectors.validClaims().claimId();
        Instant elsewhere = Instant.parse("2026-03-01T11:58:00Z");
        server.redeemedElsewhere(claim, "counter-2", elsewhere);
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            ScanOutcome out = ctx.counter().scan(valid());

            SyncService.Report r = ctx.sync().syncOnce();

            assertThat(r.conflicts()).isEqualTo(1);
            List<ScanRecord> problems = ctx.scans().problems();
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.clientId()).isEqualTo(out.clientId());
                assertThat(p.serverStatus()).isEqualTo("CONFLICT");
                assertThat(p.conflict().deviceId()).isEqualTo("counter-2");
                assertThat(p.conflict().scannedAt()).isEqualTo(elsewhere);
            });
            assertThat(ctx.sync().status().problems()).isEqualTo(1);
        }
    }

    @Test
    void uploadsGoInBatchesOfAtMostTheLimit() throws Exception {
        try (TillDatabase store = TillDatabase.open(dir.resolve("b.db"))) {
            for (int i = 0; i < 7; i++) {
                store.scans()
                        .refuse(new com.hyperlocal.flashsale.verifier.record.NewScan(
                                UUID.randomUUID(),
                                "junk" + i,
                                null,
                                null,
                                null,
                                null,
                                Instant.now(),
                                com.hyperlocal.flashsale.verifier.record.Outcome.REFUSED,
                                "MALFORMED"));
            }
            TillServer client = HttpTillServer.of(server.baseUrl(), FakeServer.API_KEY);
            SyncService sync = new SyncService(
                    store,
                    () -> Optional.of(client),
                    () -> "counter-1",
                    Fixtures.clock(),
                    Backoff.standard(),
                    Duration.ofMinutes(1),
                    3,
                    null,
                    null);
            assertThat(sync.syncOnce().sent()).isEqualTo(7);
            assertThat(server.uploadRequests.get()).isEqualTo(3);
            assertThat(store.scans().pendingCount()).isZero();
        }
    }

    @Test
    void aWrongApiKeyIsNotRetriedAndSaysSo() throws Exception {
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            ctx.updateConfig(ctx.config()
                    .withServer(server.baseUrl(), "wrong", null, ctx.config().maxKeyAge()));
            ctx.counter().scan(valid());
            assertThatThrownBy(() -> ctx.sync().syncWithRetry(5, waits::add)).hasMessageContaining("API key");
            assertThat(waits).isEmpty();
            assertThat(ctx.scans().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void backgroundSyncUploadsSoonAfterAScan() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (VerifierContext ctx = new VerifierContext(
                Fixtures.device(dir, server.baseUrl(), "counter-1"),
                new VerifierContext.Options(
                        Fixtures.clock(),
                        scheduler,
                        List::of,
                        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 0.5, Math::random),
                        Duration.ofHours(1)))) {
            server.failNext.add(503); // the first background attempt fails, the retry succeeds
            ctx.start();
            ctx.counter().scan(valid());
            await().atMost(Duration.ofSeconds(10)).until(() -> ctx.scans().pendingCount() == 0);
            assertThat(server.byClientId).hasSize(1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void eachSyncBringsTheDealsAndOnlyTheNewRevocations() throws Exception {
        UUID deal = VoucherTestVectors.validClaims().dealId();
        server.dealTitles.put(deal, "Masala dosa, 2 for 1");
        server.revoke(UUID.randomUUID(), deal, "refunded");
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            SyncService.Report first = ctx.sync().syncOnce();
            server.revoke(VoucherTestVectors.validClaims().claimId(), deal, "fraud");
            SyncService.Report second = ctx.sync().syncOnce();

            assertThat(first.deals()).isEqualTo(1);
            assertThat(first.newRevocations()).isEqualTo(1);
            assertThat(second.newRevocations()).isEqualTo(1);
            assertThat(server.revocationCursors).containsExactly(null, "1");
            assertThat(ctx.database().revocations().count()).isEqualTo(2);
            assertThat(ctx.sync().status().dealsAt()).isEqualTo(Fixtures.clock().instant());
            assertThat(ctx.sync().status().revocationsAt())
                    .isEqualTo(Fixtures.clock().instant());
            assertThat(ctx.counter().scan(valid()).reason()).isEqualTo("REVOKED");
        }
    }

    @Test
    void aLongRevocationListIsFetchedPageByPageInOneSync() throws Exception {
        for (int i = 0; i < 2_500; i++) {
            server.revoke(UUID.randomUUID(), UUID.randomUUID(), null);
        }
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            SyncService.Report r = ctx.sync().syncOnce();

            assertThat(r.newRevocations()).isEqualTo(2_500);
            assertThat(server.revocationCursors).containsExactly(null, "1000", "2000");
        }
    }

    @Test
    void aProblemIsClearedByTheNextSuccessfulSync() throws Exception {
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            server.failNext.add(503);
            ctx.counter().scan(valid());
            assertThatThrownBy(() -> ctx.sync().syncOnce()).isInstanceOf(ServerException.class);
            assertThat(ctx.sync().status().kind()).isEqualTo(SyncStatus.Problem.SERVER);

            ctx.sync().syncOnce();

            assertThat(ctx.sync().status().kind()).isEqualTo(SyncStatus.Problem.NONE);
            assertThat(ctx.sync().status().problem()).isNull();
            assertThat(ctx.sync().status().online()).isTrue();
        }
    }

    @Test
    void refreshKeysWritesTheSharedKeyCache() throws Exception {
        server.dealTitles.put(VoucherTestVectors.validClaims().dealId(), "Masala dosa, 2 for 1");
        try (VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            java.nio.file.Files.delete(ctx.config().keyCache());

            var cache = ctx.refreshKeys();

            assertThat(cache.merchantId())
                    .isEqualTo(VoucherTestVectors.settings().merchantId());
            assertThat(cache.issuer()).isEqualTo(VoucherTestVectors.settings().issuer());
            assertThat(com.hyperlocal.flashsale.crypto.KeyCache.load(
                                    ctx.config().keyCache())
                            .keys()
                            .kids())
                    .isEqualTo(VoucherTestVectors.trustedKeys().kids());
            ScanOutcome out = ctx.counter().scan(valid());
            assertThat(out.verdict().name()).isEqualTo("VALID");
            ctx.sync().syncOnce();
            assertThat(ctx.database().deals().find(out.dealId()).orElseThrow().title())
                    .isEqualTo("Masala dosa, 2 for 1");
        }
    }
}
