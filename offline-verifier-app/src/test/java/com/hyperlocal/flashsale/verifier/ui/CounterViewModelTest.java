package com.hyperlocal.flashsale.verifier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.FakeServer;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.counter.Verdict;
import com.hyperlocal.flashsale.verifier.record.Revocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter screen's state without a screen: same-thread executors and a hand-driven timer. */
class CounterViewModelTest {

    @TempDir
    Path dir;

    VerifierContext ctx;
    ManualTimer timer = new ManualTimer();
    List<Verdict> sounds = new ArrayList<>();

    /** Holds tasks until the test runs them: an executor that is "busy" for as long as the test likes. */
    static final class HeldExecutor implements Executor {
        final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        ctx = Fixtures.context(dir, "", "counter-1");
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    CounterViewModel sameThread() {
        return new CounterViewModel(ctx, CounterThreads.sameThread(timer), sounds::add);
    }

    @Test
    void aValidScanShowsValidWithSoundThenReturnsToReadyAfterTheConfiguredTime() {
        ctx.updateConfig(ctx.config().withScreen(Duration.ofSeconds(3), ""));
        CounterViewModel vm = sameThread();

        vm.submitPasted(VoucherTestVectors.token("valid.jwt"));

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.VALID);
        assertThat(vm.headlineProperty().get()).isEqualTo("VALID");
        assertThat(sounds).containsExactly(Verdict.VALID);
        timer.advance(Duration.ofSeconds(3));
        assertThat(vm.verdictProperty().get()).isNull();
        assertThat(vm.headlineProperty().get()).isEqualTo("READY");
        assertThat(vm.dealProperty().get()).isEmpty();
    }

    @Test
    void aBusyServerCallNeverDelaysTheNextScan() {
        HeldExecutor network = new HeldExecutor();
        CounterViewModel vm = new CounterViewModel(
                ctx, new CounterThreads(Runnable::run, network, Runnable::run, Runnable::run, timer), v -> {});

        vm.syncNow(); // waits for the (unreachable) server: stays queued on the network executor
        vm.refreshKeys();
        vm.submitPasted(VoucherTestVectors.token("valid.jwt"));

        assertThat(network.held).hasSize(2);
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.VALID);
        assertThat(vm.noticeProperty().get()).isEqualTo("Fetching voucher keys…");
        network.runAll();
        assertThat(vm.noticeProperty().get()).startsWith("Keys not refreshed: ");
    }

    @Test
    void theSyncProblemFollowsTheCurrentStatusAndTheNoticeFades() throws Exception {
        CounterViewModel vm = sameThread();
        DeviceConfig c = ctx.config();
        ctx.updateConfig(c.withServer("http://127.0.0.1:1", FakeServer.API_KEY, null, c.maxKeyAge()));
        vm.syncNow();
        assertThat(vm.syncProblemProperty().get()).startsWith("The server cannot be reached.");
        assertThat(vm.onlineProperty().get()).isEqualTo("Offline");

        try (FakeServer server = new FakeServer()) {
            ctx.updateConfig(c.withServer(server.baseUrl(), FakeServer.API_KEY, null, c.maxKeyAge()));
            vm.syncNow();

            assertThat(vm.syncProblemProperty().get()).isEmpty();
            assertThat(vm.onlineProperty().get()).isEqualTo("Online");
            assertThat(vm.dealsProperty().get()).isEqualTo("Deals: just now");
            assertThat(vm.revocationsProperty().get()).isEqualTo("Cancellations: just now");
        }
        assertThat(vm.noticeProperty().get()).isEqualTo("Synced 0 scan(s).");
        timer.advance(CounterViewModel.NOTICE_SHOWN);
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void aRevokedVoucherReadsAsCancelledByTheShop() {
        var claims = VoucherTestVectors.validClaims();
        ctx.database().revocations().add(List.of(new Revocation(claims.claimId(), claims.dealId(), null, "refunded")));
        CounterViewModel vm = sameThread();

        vm.submitPasted(VoucherTestVectors.token("valid.jwt"));

        assertThat(vm.headlineProperty().get()).isEqualTo("INVALID");
        assertThat(vm.messageProperty().get()).isEqualTo("The shop cancelled this voucher (refunded).");
    }

    @Test
    void readyNamesWhatAFreshTillNeedsAndForgetsItOnceKeysArrive() throws Exception {
        java.nio.file.Files.delete(ctx.config().keyCache());
        CounterViewModel vm = sameThread();
        vm.refreshStatus();
        assertThat(vm.messageProperty().get()).startsWith("This till has no voucher keys yet.");
        assertThat(vm.keysProperty().get()).isEqualTo("Keys: none");

        Fixtures.writeKeyCache(ctx.config().keyCache());
        vm.refreshStatus();

        assertThat(vm.messageProperty().get()).isEqualTo("Scan a voucher, open a picture of one, or paste its token.");
        assertThat(vm.keysProperty().get()).isEqualTo("Keys: 1 day old");
    }

    @Test
    void hindiChosenInSettingsRewritesTheShownResult() {
        CounterViewModel vm = sameThread();
        vm.submitPasted(VoucherTestVectors.token("expired.jwt"));

        vm.saveSettings(ctx.config().withScreen(Duration.ofSeconds(6), "hi"));

        assertThat(vm.headlineProperty().get()).isEqualTo("अमान्य");
        assertThat(vm.messageProperty().get()).isEqualTo("इस वाउचर की अवधि समाप्त हो गई है।");
        assertThat(ctx.config().language()).isEqualTo("hi");
    }
}
