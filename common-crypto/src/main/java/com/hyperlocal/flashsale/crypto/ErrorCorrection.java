package com.hyperlocal.flashsale.crypto;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR error-correction level: higher survives more damage (glare, creases, cracked screens) but
 * needs a bigger code. M is the default for phone screens; Q for printed or worn codes.
 */
public enum ErrorCorrection {
    /** ~7% recovery. */
    L(ErrorCorrectionLevel.L),
    /** ~15% recovery. */
    M(ErrorCorrectionLevel.M),
    /** ~25% recovery. */
    Q(ErrorCorrectionLevel.Q),
    /** ~30% recovery. */
    H(ErrorCorrectionLevel.H);

    private final ErrorCorrectionLevel zxing;

    ErrorCorrection(ErrorCorrectionLevel zxing) {
        this.zxing = zxing;
    }

    ErrorCorrectionLevel zxing() {
        return zxing;
    }
}
