package com.hyperlocal.flashsale.verifier.scan;

import java.util.List;

/** Finds the cameras attached to this device. */
public interface CameraProvider {

    /** Every camera found; empty when there is none. Throws only when looking itself failed. */
    List<CameraSource> cameras() throws CameraException;
}
