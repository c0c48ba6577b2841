package com.hyperlocal.flashsale.verifier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.ErrorCorrection;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.FakeServer;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.scan.CameraException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real counter window at 1024×600, headless (Monocle): paste a token or open a QR picture and
 * read what the big result panel says. Work runs on the calling thread and the result timer only
 * moves when the test advances it, so every state is checked exactly.
 */
@ExtendWith(ApplicationExtension.class)
class CounterWindowTest {

    @TempDir
    static Path dir;

    VerifierContext ctx;
    CounterViewModel vm;
    ManualTimer timer = new ManualTimer();
    Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path device = Files.createTempDirectory(dir, "device");
        DeviceConfigStore config = Fixtures.device(device, "", "counter-1");
        ctx = new VerifierContext(config, Fixtures.options(() -> {
            throw new CameraException("Cameras cannot be used on this device (test).", null);
        }));
        vm = new CounterViewModel(ctx, CounterThreads.sameThread(timer), v -> {});
        scene = CounterWindow.show(stage, vm, 1024, 600);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void paste(FxRobot robot, String token) {
        TextField input = robot.lookup("#tokenInput").queryAs(TextField.class);
        robot.interact(() -> input.setText(token));
        robot.clickOn("#checkToken");
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void pastedValidVoucherShowsValidThenAlreadyRedeemed(FxRobot robot) {
        assertThat(text(robot, "#verdict")).isEqualTo("READY");

        paste(robot, VoucherTestVectors.token("valid.jwt"));

        assertThat(text(robot, "#verdict")).isEqualTo("VALID");
        assertThat(text(robot, "#deal"))
                .contains(VoucherTestVectors.validClaims().dealId().toString());
        assertThat(text(robot, "#user"))
                .contains(VoucherTestVectors.validClaims().userId());
        assertThat(text(robot, "#pendingStatus")).isEqualTo("Pending: 1");
        assertThat(robot.lookup("#tokenInput").queryAs(TextField.class).getText())
                .isEmpty();

        paste(robot, VoucherTestVectors.token("valid.jwt"));

        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");
        assertThat(text(robot, "#message")).startsWith("Already redeemed at ").endsWith(" on this device.");
        assertThat(text(robot, "#pendingStatus")).isEqualTo("Pending: 2");
    }

    @Test
    void theResultReturnsToReadyAfterTheConfiguredTime(FxRobot robot) {
        paste(robot, VoucherTestVectors.token("expired.jwt"));
        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");

        robot.interact(() -> timer.advance(Duration.ofSeconds(5)));
        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");
        robot.interact(() -> timer.advance(Duration.ofSeconds(1)));

        assertThat(text(robot, "#verdict")).isEqualTo("READY");
        assertThat(text(robot, "#message")).isEqualTo("Scan a voucher, open a picture of one, or paste its token.");
        assertThat(timer.requested).contains(DeviceConfig.DEFAULT_RESULT_SHOWN);
    }

    @Test
    void theNextScanReplacesTheResultAndRestartsTheTime(FxRobot robot) {
        paste(robot, VoucherTestVectors.token("expired.jwt"));
        robot.interact(() -> timer.advance(Duration.ofSeconds(4)));
        paste(robot, VoucherTestVectors.token("valid.jwt"));
        assertThat(text(robot, "#verdict")).isEqualTo("VALID");

        robot.interact(() -> timer.advance(Duration.ofSeconds(4))); // the first scan's time is up, not this one's
        assertThat(text(robot, "#verdict")).isEqualTo("VALID");
        robot.interact(() -> timer.advance(Duration.ofSeconds(2)));
        assertThat(text(robot, "#verdict")).isEqualTo("READY");
    }

    @Test
    void aForgedVoucherShowsInvalidWithTheReasonInPlainWords(FxRobot robot) {
        paste(robot, VoucherTestVectors.token("tampered-payload.jwt"));

        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");
        assertThat(text(robot, "#message"))
                .isEqualTo("This voucher's signature is not genuine, so it may be forged or altered.");
    }

    @Test
    void anOpenedQrPictureIsCheckedToo(FxRobot robot) throws Exception {
        Path png = dir.resolve("expired.png");
        Files.write(png, QrCodes.toPng(VoucherTestVectors.token("expired.jwt"), 500, ErrorCorrection.M));

        robot.interact(() -> vm.openImage(png));

        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");
        assertThat(text(robot, "#message")).isEqualTo("This voucher has expired.");
    }

    @Test
    void startCameraWithoutACameraSaysSoInTheResultPanelAndTheFallbacksStillWork(FxRobot robot) {
        robot.clickOn("#startCamera");

        assertThat(text(robot, "#cameraMessage")).contains("Cameras cannot be used on this device");
        assertThat(robot.lookup("#cameraProblem").queryAs(Label.class).isVisible())
                .isTrue();
        assertThat(text(robot, "#cameraProblem")).startsWith("Camera: Cameras cannot be used");
        assertThat(robot.lookup("#startCamera").queryButton().isDisabled()).isFalse();

        paste(robot, VoucherTestVectors.token("valid.jwt"));
        assertThat(text(robot, "#verdict")).isEqualTo("VALID");
    }

    @Test
    void statusBarShowsOfflineKeyAgeAndCatalogueFreshness(FxRobot robot) {
        assertThat(text(robot, "#onlineStatus")).isEqualTo("Offline only (no server set)");
        assertThat(text(robot, "#keysStatus")).isEqualTo("Keys: 1 day old");
        assertThat(text(robot, "#lastSync")).isEqualTo("Last sync: never");
        assertThat(text(robot, "#dealsStatus")).isEqualTo("Deals: never");
        assertThat(text(robot, "#revocationsStatus")).isEqualTo("Cancellations: never");
    }

    @Test
    void theServerProblemIsClearedOnceTheTillIsBackOnline(FxRobot robot) throws Exception {
        try (FakeServer server = new FakeServer()) {
            DeviceConfig c = ctx.config();
            robot.interact(
                    () -> vm.saveSettings(c.withServer("http://127.0.0.1:1", FakeServer.API_KEY, null, c.maxKeyAge())));
            robot.clickOn("#syncNow");
            assertThat(text(robot, "#syncProblem")).startsWith("The server cannot be reached.");
            assertThat(text(robot, "#onlineStatus")).isEqualTo("Offline");

            robot.interact(
                    () -> vm.saveSettings(c.withServer(server.baseUrl(), FakeServer.API_KEY, null, c.maxKeyAge())));
            robot.clickOn("#syncNow");

            assertThat(text(robot, "#syncProblem")).isEmpty();
            assertThat(robot.lookup("#syncProblem").queryAs(Label.class).isVisible())
                    .isFalse();
            assertThat(text(robot, "#onlineStatus")).isEqualTo("Online");
            assertThat(text(robot, "#notice")).isEqualTo("Synced 0 scan(s).");
            robot.interact(() -> timer.advance(CounterViewModel.NOTICE_SHOWN));
            assertThat(text(robot, "#notice")).isEmpty();
        }
    }

    @Test
    void theConflictsWindowClosesWithEscapeAndWithItsButton(FxRobot robot) {
        robot.clickOn("#conflicts");
        assertThat(robot.listWindows()).hasSize(2);
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.listWindows()).hasSize(1);

        robot.clickOn("#conflicts");
        robot.clickOn("#closeConflicts");
        assertThat(robot.listWindows()).hasSize(1);
    }

    @Test
    void theSettingsDialogClosesWithEscapeWithoutSaving(FxRobot robot) {
        String before = ctx.config().serverUrl();
        robot.clickOn("#settings");
        assertThat(robot.listWindows()).hasSize(2);
        robot.clickOn("#serverUrl").write("http://changed.example");
        robot.type(KeyCode.ESCAPE);

        assertThat(robot.listWindows()).hasSize(1);
        assertThat(ctx.config().serverUrl()).isEqualTo(before);
    }

    @Test
    void hindiFromSettingsRelabelsTheWholeScreen(FxRobot robot) {
        robot.interact(() -> vm.saveSettings(ctx.config().withScreen(Duration.ofSeconds(6), "hi")));
        robot.interact(() -> scene.setRoot(CounterView.build(vm, () -> {}, () -> {})));

        assertThat(text(robot, "#verdict")).isEqualTo("तैयार");
        assertThat(robot.lookup("#syncNow").queryButton().getText()).isEqualTo("अभी सिंक करें");
        paste(robot, VoucherTestVectors.token("expired.jwt"));
        assertThat(text(robot, "#message")).isEqualTo("इस वाउचर की अवधि समाप्त हो गई है।");
    }

    @Test
    void nothingIsCutOffAt1024x600(FxRobot robot) {
        // The longest texts: the first-start guidance, a long refusal, the status bar.
        robot.interact(() -> {
            try {
                Files.delete(ctx.config().keyCache());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            vm.refreshStatus();
        });
        assertThat(text(robot, "#message")).startsWith("This till has no voucher keys yet.");
        assertNothingElided(robot);
        robot.clickOn("#startCamera");
        paste(robot, VoucherTestVectors.token("valid.jwt"));
        assertThat(text(robot, "#verdict")).isEqualTo("NOT CHECKED");
        assertNothingElided(robot);
    }

    /** A Labeled whose text does not fit shows "…" in its Text node instead of the whole text. */
    private void assertNothingElided(FxRobot robot) {
        robot.interact(() -> scene.getRoot().layout());
        for (Node n : robot.lookup(".label").queryAll()) {
            Labeled l = (Labeled) n;
            if (!l.isVisible() || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            String shown = l.lookupAll(".text").stream()
                    .filter(Text.class::isInstance)
                    .map(t -> ((Text) t).getText())
                    .findFirst()
                    .orElse("");
            assertThat(shown.replace("\n", " ").replaceAll("\\s+", " ").strip())
                    .as("label %s", l.getId())
                    .isEqualTo(l.getText().replaceAll("\\s+", " ").strip());
        }
        Window w = scene.getWindow();
        assertThat(w.getWidth()).isEqualTo(1024);
    }
}
