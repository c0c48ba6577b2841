package com.hyperlocal.flashsale.verifier.scan;

import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/** Receives what the camera scanner sees. Called on the scanner's thread. */
public interface ScanListener {

    /** A frame, for the preview. */
    default void frame(BufferedImage image) {}

    /** A QR code was read (each code once while it stays in view). */
    void token(String text);

    /** Scanning ended; {@code problem} is a plain-English reason, or null when stopped on purpose. */
    void stopped(@Nullable String problem);
}
