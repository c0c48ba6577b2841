package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.FakeServer;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Makes the screenshots in docs/ from the real counter window at 1024×600 (on a real display,
 * e.g. Xvfb: offline-verifier-app/bin/screenshots): first start, VALID offline with the deal's
 * title, already redeemed, revoked. Tills sync with a loopback server, then lose it. Not a test.
 */
public final class ScreenshotTool {

    private static final String NOWHERE = "http://127.0.0.1:1";

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(docs);
        Platform.startup(() -> {});
        Platform.setImplicitExit(false); // each shot closes its window; the toolkit must stay up
        try (FakeServer server = new FakeServer()) {
            server.dealTitles.put(VoucherTestVectors.validClaims().dealId(), "Masala dosa, 2 for 1");
            shoot(
                    docs.resolve("verifier-first-start.png"),
                    Files.createTempDirectory("till"),
                    "",
                    ctx -> {
                        try {
                            Files.delete(ctx.config().keyCache());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    vm -> {});
            Path offline = Files.createTempDirectory("till");
            shoot(
                    docs.resolve("verifier-valid-offline.png"),
                    offline,
                    server.baseUrl(),
                    ScreenshotTool::syncThenLoseServer,
                    vm -> vm.submitPasted(VoucherTestVectors.token("valid.jwt")));
            shoot(
                    docs.resolve("verifier-already-redeemed.png"),
                    offline,
                    NOWHERE,
                    ctx -> {},
                    vm -> vm.submitPasted(VoucherTestVectors.token("valid.jwt")));
            server.revoke(
                    VoucherTestVectors.validClaims().claimId(),
                    VoucherTestVectors.validClaims().dealId(),
                    "refunded at the counter");
            shoot(
                    docs.resolve("verifier-revoked.png"),
                    Files.createTempDirectory("till"),
                    server.baseUrl(),
                    ScreenshotTool::syncThenLoseServer,
                    vm -> vm.submitPasted(VoucherTestVectors.token("valid.jwt")));
        }
        Platform.exit();
    }

    private static void syncThenLoseServer(VerifierContext ctx) {
        try {
            ctx.sync().syncOnce();
            DeviceConfig c = ctx.config();
            ctx.updateConfig(c.withServer(NOWHERE, c.apiKey(), c.merchantId(), c.maxKeyAge()));
            ctx.sync().syncOnce();
        } catch (Exception expected) {
            // The second sync fails: the till is offline now, as at a counter without Wi-Fi.
        }
    }

    private static void shoot(
            Path out, Path dir, String serverUrl, Consumer<VerifierContext> prepare, Consumer<CounterViewModel> act)
            throws Exception {
        VerifierContext ctx =
                new VerifierContext(Fixtures.device(dir, serverUrl, "counter-1"), Fixtures.options(List::of));
        prepare.accept(ctx);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            CounterViewModel vm = new CounterViewModel(ctx, CounterThreads.sameThread((d, r) -> () -> {}), v -> {});
            Scene scene = CounterWindow.show(stage, vm, 1024, 600);
            vm.camera().start(); // no camera here: the problem shows where the assistant looks
            act.accept(vm);
            vm.refreshStatus();
            // A few pulses later the layout is drawn.
            Platform.runLater(() -> Platform.runLater(() -> Platform.runLater(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.toFile());
                    System.out.println("wrote " + out.toAbsolutePath());
                    stage.close();
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            })));
        });
        done.get(30, TimeUnit.SECONDS);
        ctx.close();
    }
}
