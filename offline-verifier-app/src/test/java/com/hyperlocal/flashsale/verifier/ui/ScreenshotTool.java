package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.FakeServer;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Makes docs/verifier-screenshot.png: the real counter window (on a real display, e.g. under
 * xvfb-run) after scanning the valid test voucher and syncing with a loopback server.
 * Not a test; run by hand: see the module README.
 */
public final class ScreenshotTool {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/verifier-screenshot.png");
        Path dir = Files.createTempDirectory("verifier-shot");
        FakeServer server = new FakeServer();
        server.dealTitles.put(VoucherTestVectors.validClaims().dealId(), "Masala dosa, 2 for 1");
        VerifierContext ctx = new VerifierContext(Fixtures.device(dir, server.baseUrl(), "counter-1"),
                Fixtures.options(List::of));
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                CounterViewModel vm = new CounterViewModel(ctx, CounterThreads.sameThread((d, r) -> () -> { }), v -> { });
                Scene scene = CounterWindow.show(stage, vm);
                vm.camera().messageProperty().set("No camera found. Use \"Open image…\" or \"Paste token\".");
                vm.submitPasted(VoucherTestVectors.token("valid.jwt"));
                ctx.sync().syncOnce();
                vm.refreshStatus();
                // Two pulses later the layout is drawn.
                Platform.runLater(() -> Platform.runLater(() -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.toFile());
                        System.out.println("wrote " + out.toAbsolutePath());
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        done.countDown();
                    }
                }));
            } catch (Exception e) {
                e.printStackTrace();
                done.countDown();
            }
        });
        done.await();
        ctx.close();
        server.close();
        Platform.exit();
    }
}
