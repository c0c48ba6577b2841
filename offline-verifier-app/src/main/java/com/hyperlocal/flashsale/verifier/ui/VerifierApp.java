package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.SmokeTest;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.AppPaths;
import com.hyperlocal.flashsale.verifier.config.DeviceConfigStore;
import com.hyperlocal.flashsale.verifier.scan.WebcamCameraProvider;
import com.hyperlocal.flashsale.verifier.sync.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The JavaFX application: production wiring (real clock, one thread for scans, one for server
 * calls, one for the camera, background sync). {@code --smoke-test} opens the window, prints its
 * size and exits: the check that a built or packaged till really starts ({@link SmokeTest}).
 */
public final class VerifierApp extends Application {

    // Set in start(); null until then, or when start() failed half-way (stop() closes what exists).
    private @Nullable VerifierContext ctx;
    private @Nullable ExecutorService scans;
    private @Nullable ExecutorService network;
    private @Nullable ExecutorService cameraThread;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable CounterViewModel vm;

    public static void launchApp(String[] args) {
        launch(VerifierApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        try {
            scans = Executors.newSingleThreadExecutor(daemon("verifier-scans"));
            network = Executors.newSingleThreadExecutor(daemon("verifier-network"));
            cameraThread = Executors.newSingleThreadExecutor(daemon("verifier-camera"));
            scheduler = Executors.newSingleThreadScheduledExecutor(daemon("verifier-sync"));
            ctx = new VerifierContext(
                    new DeviceConfigStore(AppPaths.fromEnvironment()),
                    new VerifierContext.Options(
                            Clock.systemDefaultZone(),
                            scheduler,
                            new WebcamCameraProvider(5_000),
                            Backoff.standard(),
                            Duration.ofSeconds(30)));
            vm = new CounterViewModel(
                    ctx,
                    new CounterThreads(scans, network, cameraThread, Platform::runLater, VerifierApp::pause),
                    new Sounds());
            Scene scene = CounterWindow.show(stage, vm);
            ctx.start();
            if (smokeTest()) {
                pause(Duration.ofSeconds(2), () -> {
                    SmokeTest.PROCESS.windowShown(scene.getWidth(), scene.getHeight(), System.out);
                    Platform.exit();
                });
                return;
            }
            if (!Boolean.getBoolean("verifier.noCamera")) {
                vm.camera().start();
            }
        } catch (RuntimeException e) {
            if (smokeTest()) {
                // No one is there to close the dialog: say why and exit (Main reports the failure).
                e.printStackTrace();
                Platform.exit();
                return;
            }
            Alert alert =
                    new Alert(Alert.AlertType.ERROR, Messages.forLanguage("").get("start.failed", e.getMessage()));
            alert.showAndWait();
            Platform.exit();
        }
    }

    private boolean smokeTest() {
        return SmokeTest.requested(getParameters().getRaw());
    }

    /** The result timer: a pause on the JavaFX timeline, so the action runs on the UI thread. */
    private static Runnable pause(Duration after, Runnable action) {
        PauseTransition p = new PauseTransition(javafx.util.Duration.millis(after.toMillis()));
        p.setOnFinished(e -> action.run());
        p.play();
        return p::stop;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.camera().stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (network != null) {
            network.shutdownNow();
        }
        if (scans != null) {
            scans.shutdown();
            try {
                // Let a scan being recorded finish before the database closes.
                scans.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (cameraThread != null) {
            cameraThread.shutdownNow();
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
