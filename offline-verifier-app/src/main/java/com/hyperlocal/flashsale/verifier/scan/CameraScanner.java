package com.hyperlocal.flashsale.verifier.scan;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads frames from a camera and decodes QR codes until stopped or the camera fails. Run
 * {@link #run()} on a worker thread. A code held in front of the camera is reported once, not
 * every frame: otherwise the second frame would already say "already redeemed".
 */
public final class CameraScanner implements Runnable {

    private final CameraSource camera;
    private final Function<BufferedImage, Optional<String>> decoder;
    private final ScanListener listener;
    private final Duration frameInterval;
    private final int maxEmptyFrames;
    private final Duration repeatQuietTime;
    private final LongSupplier nanoTime;
    private volatile boolean running = true;
    private @Nullable String lastText;
    private long lastSeenNanos;

    /**
     * @param frameInterval   the frame period: each grab starts this long after the previous one,
     *                        or at once when decoding took longer
     * @param maxEmptyFrames  consecutive frames without a picture before the camera counts as lost
     * @param repeatQuietTime a code must be out of view this long before it is reported again
     */
    public CameraScanner(
            CameraSource camera,
            Function<BufferedImage, Optional<String>> decoder,
            ScanListener listener,
            Duration frameInterval,
            int maxEmptyFrames,
            Duration repeatQuietTime,
            LongSupplier nanoTime) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.frameInterval = frameInterval;
        this.maxEmptyFrames = maxEmptyFrames;
        this.repeatQuietTime = repeatQuietTime;
        this.nanoTime = nanoTime;
    }

    public void stop() {
        running = false;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        String problem = null;
        try {
            camera.open();
            int empty = 0;
            while (running) {
                long frameStart = System.nanoTime();
                BufferedImage frame = camera.grab();
                if (frame == null) {
                    if (++empty > maxEmptyFrames) {
                        problem = "The camera \"" + camera.name() + "\" stopped sending pictures (was it "
                                + "unplugged?). Use \"Open image…\" or \"Paste token\", or start the camera again.";
                        break;
                    }
                } else {
                    empty = 0;
                    listener.frame(frame);
                    decoder.apply(frame).ifPresent(this::seen);
                }
                pause(frameStart);
            }
        } catch (CameraException e) {
            problem = e.getMessage() + " Use \"Open image…\" or \"Paste token\" instead.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A decoder or listener bug must end scanning cleanly, not kill the worker silently.
            problem = "Camera scanning stopped unexpectedly (" + e + ").";
        } finally {
            running = false;
            camera.close();
        }
        listener.stopped(problem);
    }

    private void seen(String text) {
        long now = nanoTime.getAsLong();
        boolean repeat = text.equals(lastText) && now - lastSeenNanos < repeatQuietTime.toNanos();
        lastText = text;
        lastSeenNanos = now;
        if (!repeat) {
            listener.token(text);
        }
    }

    /**
     * Waits out the rest of the frame interval: the interval is a frame period, so a frame whose
     * decode took most of it (QrCodes spends up to its frame budget) is not followed by a full
     * pause as well, and the rate stays near 1 / interval.
     */
    private void pause(long frameStart) throws InterruptedException {
        long restMillis = (frameInterval.toNanos() - (System.nanoTime() - frameStart)) / 1_000_000;
        if (restMillis > 0) {
            Thread.sleep(restMillis);
        }
    }
}
