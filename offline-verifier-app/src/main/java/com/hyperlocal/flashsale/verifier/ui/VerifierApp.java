package com.hyperlocal.flashsale.verifier.ui;

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
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The JavaFX application: production wiring (real clock, worker threads, webcam, sync). */
public final class VerifierApp extends Application {

    private VerifierContext ctx;
    private ExecutorService worker;
    private ExecutorService cameraThread;
    private ScheduledExecutorService scheduler;
    private CounterViewModel vm;

    public static void launchApp(String[] args) {
        launch(VerifierApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        try {
            worker = Executors.newSingleThreadExecutor(daemon("verifier-worker"));
            cameraThread = Executors.newSingleThreadExecutor(daemon("verifier-camera"));
            scheduler = Executors.newSingleThreadScheduledExecutor(daemon("verifier-sync"));
            ctx = new VerifierContext(new DeviceConfigStore(AppPaths.fromEnvironment()),
                    new VerifierContext.Options(Clock.systemDefaultZone(), scheduler,
                            new WebcamCameraProvider(5_000), Backoff.standard(), Duration.ofSeconds(30)));
            vm = new CounterViewModel(ctx, worker, cameraThread, Platform::runLater, new Sounds());
            CounterWindow.show(stage, vm);
            ctx.start();
            if (!Boolean.getBoolean("verifier.noCamera")) {
                vm.camera().start();
            }
        } catch (RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "The verifier cannot start: " + e.getMessage());
            alert.showAndWait();
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.camera().stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (worker != null) {
            worker.shutdown();
            try {
                // Let a scan being recorded finish before the database closes.
                worker.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
