package com.hyperlocal.flashsale.verifier.scan;

import java.awt.image.BufferedImage;

/** A camera as the scanner needs it. Implementations wrap webcam-capture (or a test fake). */
public interface CameraSource {

    String name();

    void open() throws CameraException;

    /** The next frame; null when none is ready yet. Throws when the camera is gone. */
    BufferedImage grab() throws CameraException;

    /** Never throws. */
    void close();
}
