package com.hyperlocal.flashsale.verifier.scan.corpus;

/**
 * A plane-to-plane projective map, as a camera sees a flat phone screen: the unit square
 * {@code (u,v) ∈ [0,1]²} goes to a quadrilateral in the frame. Used inverted, frame pixel →
 * screen point, so every frame pixel samples the screen it looks at.
 */
record Homography(double a, double b, double c, double d, double e, double f, double g, double h) {

    /**
     * The map sending (0,0),(1,0),(1,1),(0,1) to the four corners (x0,y0)…(x3,y3) in that order
     * (Heckbert, "Fundamentals of Texture Mapping", §2.2.3).
     */
    static Homography squareToQuad(double[] xs, double[] ys) {
        double sx = xs[0] - xs[1] + xs[2] - xs[3];
        double sy = ys[0] - ys[1] + ys[2] - ys[3];
        double dx1 = xs[1] - xs[2];
        double dx2 = xs[3] - xs[2];
        double dy1 = ys[1] - ys[2];
        double dy2 = ys[3] - ys[2];
        double den = dx1 * dy2 - dx2 * dy1;
        double g = (sx * dy2 - dx2 * sy) / den;
        double h = (dx1 * sy - sx * dy1) / den;
        return new Homography(
                xs[1] - xs[0] + g * xs[1],
                xs[3] - xs[0] + h * xs[3],
                xs[0],
                ys[1] - ys[0] + g * ys[1],
                ys[3] - ys[0] + h * ys[3],
                ys[0],
                g,
                h);
    }

    /** The inverse map (frame → unit square), by the adjugate of the 3×3 matrix. */
    Homography inverse() {
        double i = 1;
        double ia = e * i - f * h;
        double ib = c * h - b * i;
        double ic = b * f - c * e;
        double id = f * g - d * i;
        double ie = a * i - c * g;
        double iff = c * d - a * f;
        double ig = d * h - e * g;
        double ih = b * g - a * h;
        double ii = a * e - b * d;
        return new Homography(ia / ii, ib / ii, ic / ii, id / ii, ie / ii, iff / ii, ig / ii, ih / ii);
    }

    /** Writes the image of (x, y) into {@code out[0..1]}. */
    void apply(double x, double y, double[] out) {
        double w = g * x + h * y + 1;
        out[0] = (a * x + b * y + c) / w;
        out[1] = (d * x + e * y + f) / w;
    }
}
