package com.hyperlocal.flashsale.verifier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.ErrorCorrection;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.scan.CameraException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real counter window, headless (Monocle): paste a token or open a QR picture and read what
 * the big result panel says. Work runs on the calling thread (same-thread executor, direct UI
 * dispatch) so every click's result is on screen when the click returns.
 */
@ExtendWith(ApplicationExtension.class)
class CounterWindowTest {

    @TempDir
    static Path dir;
    VerifierContext ctx;
    CounterViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path device = Files.createTempDirectory(dir, "device");
        DeviceConfigStore config = Fixtures.device(device, "", "counter-1");
        ctx = new VerifierContext(config, Fixtures.options(() -> {
            throw new CameraException("Cameras cannot be used on this device (test).", null);
        }));
        vm = new CounterViewModel(ctx, Runnable::run, Runnable::run, Runnable::run, v -> { });
        CounterWindow.show(stage, vm);
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
        assertThat(text(robot, "#deal")).contains(VoucherTestVectors.validClaims().dealId().toString());
        assertThat(text(robot, "#user")).contains(VoucherTestVectors.validClaims().userId());
        assertThat(text(robot, "#pendingStatus")).isEqualTo("Pending: 1");
        assertThat(robot.lookup("#tokenInput").queryAs(TextField.class).getText()).isEmpty();

        paste(robot, VoucherTestVectors.token("valid.jwt"));

        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");
        assertThat(text(robot, "#message")).startsWith("Already redeemed at ").endsWith(" on this device.");
        assertThat(text(robot, "#pendingStatus")).isEqualTo("Pending: 2");
    }

    @Test
    void aForgedVoucherShowsInvalidWithTheReasonInPlainWords(FxRobot robot) {
        paste(robot, VoucherTestVectors.token("tampered-payload.jwt"));

        assertThat(text(robot, "#verdict")).isEqualTo("INVALID");
        assertThat(text(robot, "#message")).isEqualTo("This voucher's signature is not genuine, so it may be forged or altered.");
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
    void noCameraSaysSoAndTheFallbacksStillWork(FxRobot robot) {
        robot.clickOn("#startCamera");

        assertThat(text(robot, "#cameraMessage")).contains("Cameras cannot be used on this device");
        assertThat(robot.lookup("#startCamera").queryButton().isDisabled()).isFalse();

        paste(robot, VoucherTestVectors.token("valid.jwt"));
        assertThat(text(robot, "#verdict")).isEqualTo("VALID");
    }

    @Test
    void statusBarShowsOfflineAndKeyAge(FxRobot robot) {
        assertThat(text(robot, "#onlineStatus")).isEqualTo("Offline only (no server set)");
        assertThat(text(robot, "#keysStatus")).isEqualTo("Keys: 1 day old");
        assertThat(text(robot, "#lastSync")).isEqualTo("Last sync: never");
    }
}
