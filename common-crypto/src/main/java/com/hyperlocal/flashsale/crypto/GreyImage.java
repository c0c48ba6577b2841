package com.hyperlocal.flashsale.crypto;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;

/**
 * An 8-bit luminance image and the clean-ups a camera frame may need before ZXing can read it.
 * Each operation returns a new image; none modifies this one. Not for huge images: a few
 * full-frame passes of simple arithmetic, meant for webcam frames (~0.3 Mpx).
 */
record GreyImage(byte[] luma, int width, int height) {

    static GreyImage of(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        return new GreyImage(source.getMatrix(), source.getWidth(), source.getHeight());
    }

    LuminanceSource source() {
        // The Y plane of a YUV frame is exactly an 8-bit grey image; ZXing reads nothing else.
        return new PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false);
    }

    int at(int x, int y) {
        return luma[y * width + x] & 0xFF;
    }

    /** The rectangle at ({@code x}, {@code y}), of {@code w} × {@code h} pixels, as an image of its own. */
    GreyImage cropped(int x, int y, int w, int h) {
        byte[] out = new byte[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(luma, (y + row) * width + x, out, row * w, w);
        }
        return new GreyImage(out, w, h);
    }

    /** Bilinear resampling by {@code factor} (&lt; 1 also averages away noise, &gt; 1 enlarges tiny modules). */
    GreyImage scaled(double factor) {
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        byte[] out = new byte[w * h];
        if (factor < 1) { // area average first so a shrunk frame does not alias
            return boxBlur((int) Math.floor(0.5 / factor)).resample(w, h, out);
        }
        return resample(w, h, out);
    }

    private GreyImage resample(int w, int h, byte[] out) {
        double sx = (double) width / w;
        double sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min(height - 1, (int) fy);
            int y1 = Math.min(height - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min(width - 1, (int) fx);
                int x1 = Math.min(width - 1, x0 + 1);
                double wx = fx - x0;
                double top = at(x0, y0) * (1 - wx) + at(x1, y0) * wx;
                double bottom = at(x0, y1) * (1 - wx) + at(x1, y1) * wx;
                out[y * w + x] = (byte) (int) Math.round(top * (1 - wy) + bottom * wy);
            }
        }
        return new GreyImage(out, w, h);
    }

    /**
     * Turned by {@code degrees} about the centre, on a canvas large enough to hold all of it
     * (corners filled with the mean grey). ZXing's finder search scans rows, so a code near 45°
     * can be found after turning it.
     */
    GreyImage rotated(double degrees) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        int w = (int) Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
        int h = (int) Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
        long total = 0;
        for (byte b : luma) {
            total += b & 0xFF;
        }
        byte fill = (byte) (total / Math.max(1, luma.length));
        byte[] out = new byte[w * h];
        double cx = width / 2.0;
        double cy = height / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - w / 2.0;
                double dy = y - h / 2.0;
                double sx = cos * dx + sin * dy + cx;
                double sy = -sin * dx + cos * dy + cy;
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                if (ix < 0 || iy < 0 || ix >= width - 1 || iy >= height - 1) {
                    out[y * w + x] = fill;
                    continue;
                }
                double fx = sx - ix;
                double fy = sy - iy;
                double top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
                double bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
                out[y * w + x] = (byte) (int) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GreyImage(out, w, h);
    }

    /** Mean over a (2r+1)² square, via an integral image; r ≤ 0 returns this image. */
    GreyImage boxBlur(int r) {
        if (r <= 0) {
            return this;
        }
        long[] sum = integral();
        byte[] out = new byte[luma.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) (int) boxMean(sum, x, y, r);
            }
        }
        return new GreyImage(out, width, height);
    }

    /** Unsharp mask: {@code v + amount·(v − mean₃ₓ₃)}, restoring edges a defocused lens softened. */
    GreyImage sharpened(double amount, int r) {
        long[] sum = integral();
        byte[] out = new byte[luma.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = at(x, y);
                out[y * width + x] = clamp(v + amount * (v - boxMean(sum, x, y, r)));
            }
        }
        return new GreyImage(out, width, height);
    }

    /**
     * Local contrast normalisation: each pixel's distance from its neighbourhood mean, divided by
     * the neighbourhood's spread. Lifts a code out of a dim frame and flattens a glare gradient.
     */
    GreyImage normalised(int r) {
        long[] sum = integral();
        long[] sq = integralOfSquares();
        byte[] out = new byte[luma.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double mean = boxMean(sum, x, y, r);
                double var = boxMean(sq, x, y, r) - mean * mean;
                double sd = Math.sqrt(Math.max(var, 0)) + 4; // +4: flat areas stay flat, not amplified noise
                out[y * width + x] = clamp(128 + 64 * (at(x, y) - mean) / sd);
            }
        }
        return new GreyImage(out, width, height);
    }

    private double boxMean(long[] sum, int x, int y, int r) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r);
        int x1 = Math.min(width, x + r + 1);
        int y1 = Math.min(height, y + r + 1);
        int w = width + 1;
        long s = sum[y1 * w + x1] - sum[y0 * w + x1] - sum[y1 * w + x0] + sum[y0 * w + x0];
        return (double) s / ((x1 - x0) * (y1 - y0));
    }

    private long[] integral() {
        return integral(false);
    }

    private long[] integralOfSquares() {
        return integral(true);
    }

    private long[] integral(boolean squares) {
        int w = width + 1;
        long[] sum = new long[w * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                long v = at(x, y);
                row += squares ? v * v : v;
                sum[(y + 1) * w + x + 1] = sum[y * w + x + 1] + row;
            }
        }
        return sum;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
