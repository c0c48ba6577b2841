package com.hyperlocal.flashsale.verifier.scan;

import com.github.sarxos.webcam.Webcam;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Cameras through webcam-capture, whose driver (the default native one, or any other set with
 * {@link Webcam#setDriver}) does the platform work. Every webcam-capture failure, including
 * native-library errors on machines without camera support, becomes a {@link CameraException}.
 */
public final class WebcamCameraProvider implements CameraProvider {

    private final long discoveryTimeoutMs;

    public WebcamCameraProvider(long discoveryTimeoutMs) {
        this.discoveryTimeoutMs = discoveryTimeoutMs;
    }

    @Override
    public List<CameraSource> cameras() throws CameraException {
        try {
            List<CameraSource> out = new ArrayList<>();
            for (Webcam w : Webcam.getWebcams(discoveryTimeoutMs)) {
                out.add(new WebcamCamera(w));
            }
            return out;
        } catch (TimeoutException e) {
            throw new CameraException("Looking for a camera took too long; use \"Open image…\" or \"Paste token\".", e);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the native camera library cannot load on this machine.
            throw new CameraException(
                    "Cameras cannot be used on this device (" + e.getClass().getSimpleName()
                            + "); use \"Open image…\" or \"Paste token\".",
                    e);
        }
    }

    /** One webcam-capture camera. */
    static final class WebcamCamera implements CameraSource {

        private final Webcam webcam;

        WebcamCamera(Webcam webcam) {
            this.webcam = webcam;
        }

        @Override
        public String name() {
            return webcam.getName();
        }

        @Override
        public void open() throws CameraException {
            try {
                if (!webcam.open()) {
                    throw new CameraException(
                            "The camera \"" + name() + "\" could not be opened (is another " + "program using it?).",
                            null);
                }
            } catch (RuntimeException | LinkageError e) {
                throw new CameraException("The camera \"" + name() + "\" could not be opened.", e);
            }
        }

        @Override
        public BufferedImage grab() throws CameraException {
            try {
                if (!webcam.isOpen()) {
                    throw new CameraException("The camera \"" + name() + "\" was disconnected.", null);
                }
                return webcam.getImage();
            } catch (RuntimeException | LinkageError e) {
                throw new CameraException("The camera \"" + name() + "\" stopped working (was it unplugged?).", e);
            }
        }

        @Override
        public void close() {
            try {
                webcam.close();
            } catch (RuntimeException | LinkageError ignored) {
                // Closing a camera that is already gone: nothing more to do.
            }
        }
    }
}
