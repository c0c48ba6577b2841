package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.verifier.scan.CameraException;
import com.hyperlocal.flashsale.verifier.scan.CameraProvider;
import com.hyperlocal.flashsale.verifier.scan.CameraScanner;
import com.hyperlocal.flashsale.verifier.scan.CameraSource;
import com.hyperlocal.flashsale.verifier.scan.ScanListener;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.jspecify.annotations.Nullable;

/**
 * Live camera scanning. The camera loop runs on {@code cameraThread}; a missing or failing camera
 * sets {@link #problemProperty()} (shown in the result panel, where the assistant looks) and the
 * other ways to scan keep working.
 */
public final class CameraViewModel {

    private final CameraProvider provider;
    private final Executor cameraThread;
    private final Consumer<Runnable> ui;
    private final Consumer<String> onToken;
    private volatile Messages messages;
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<Image> preview = new SimpleObjectProperty<>();
    private final AtomicBoolean framePending = new AtomicBoolean();
    private volatile @Nullable CameraScanner scanner;

    CameraViewModel(
            CameraProvider provider,
            Executor cameraThread,
            Consumer<Runnable> ui,
            Consumer<String> onToken,
            Messages messages) {
        this.provider = provider;
        this.cameraThread = cameraThread;
        this.ui = ui;
        this.onToken = onToken;
        this.messages = messages;
        message.set(messages.get("camera.off"));
    }

    void useMessages(Messages m) {
        boolean off = message.get().equals(messages.get("camera.off"));
        messages = m;
        if (off) {
            message.set(m.get("camera.off"));
        }
    }

    public void start() {
        if (running.get()) {
            return;
        }
        running.set(true);
        problem.set("");
        message.set(messages.get("camera.looking"));
        cameraThread.execute(() -> {
            List<CameraSource> cameras;
            try {
                cameras = provider.cameras();
            } catch (CameraException e) {
                stopped(e.getMessage(), true);
                return;
            }
            if (cameras.isEmpty()) {
                stopped(messages.get("camera.none"), true);
                return;
            }
            CameraSource cam = cameras.get(0);
            ui.accept(() -> message.set(messages.get("camera.scanning", cam.name())));
            scanner = new CameraScanner(
                    cam,
                    QrCodes::decode,
                    listener(),
                    Duration.ofMillis(80),
                    40,
                    Duration.ofSeconds(3),
                    System::nanoTime);
            scanner.run();
        });
    }

    public void stop() {
        CameraScanner s = scanner;
        if (s != null) {
            s.stop();
        }
    }

    private ScanListener listener() {
        return new ScanListener() {
            @Override
            public void frame(BufferedImage image) {
                // Drop frames while the UI is still drawing the previous one.
                if (framePending.compareAndSet(false, true)) {
                    ui.accept(() -> {
                        framePending.set(false);
                        preview.set(SwingFXUtils.toFXImage(image, null));
                    });
                }
            }

            @Override
            public void token(String text) {
                onToken.accept(text);
            }

            @Override
            public void stopped(@Nullable String problem) {
                CameraViewModel.this.stopped(problem == null ? messages.get("camera.off") : problem, problem != null);
            }
        };
    }

    private void stopped(String text, boolean isProblem) {
        scanner = null;
        ui.accept(() -> {
            running.set(false);
            message.set(text);
            problem.set(isProblem ? messages.get("camera.problem", text) : "");
        });
    }

    public StringProperty messageProperty() {
        return message;
    }
    /** Why the camera is not scanning, "" when it is fine or was stopped on purpose. */
    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<Image> previewProperty() {
        return preview;
    }
}
