package com.hyperlocal.flashsale.verifier.scan.corpus;

/**
 * Everything that decides how one webcam frame of a phone showing a voucher looks. Lengths are
 * frame pixels, angles degrees, luminances 0..255.
 *
 * @param codeWidthPx  width of the code (quiet zone included) were the phone facing the camera
 * @param roll         the phone turned in its own plane
 * @param pitch        tilted towards/away from the camera (foreshortens vertically)
 * @param yaw          turned left/right (foreshortens horizontally)
 * @param white        screen white as the camera records it
 * @param black        screen black (a lit LCD is never 0)
 * @param inverted     dark-mode wallet: light modules on a dark screen
 * @param glare        peak of a specular highlight added on top (0 = none)
 * @param glareRadius  its size relative to the code width
 * @param cover        fraction of the code's area hidden by a thumb (0 = none)
 * @param blurSigma    defocus, Gaussian sigma in pixels
 * @param noiseSigma   sensor noise, Gaussian sigma in grey levels
 * @param jpegQuality  quality of the stored JPEG, 1..100
 */
record Shot(
        double codeWidthPx,
        double centerX,
        double centerY,
        double roll,
        double pitch,
        double yaw,
        double white,
        double black,
        boolean inverted,
        double glare,
        double glareRadius,
        double glareX,
        double glareY,
        double cover,
        double coverAngle,
        double blurSigma,
        double noiseSigma,
        int jpegQuality) {

    static final int FRAME_WIDTH = 640;
    static final int FRAME_HEIGHT = 480;
}
