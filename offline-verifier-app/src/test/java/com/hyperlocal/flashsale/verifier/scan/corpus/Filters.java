package com.hyperlocal.flashsale.verifier.scan.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The sensor and encoder end of the simulated camera. */
final class Filters {

    private Filters() {}

    /** Separable Gaussian blur with clamped edges; sigma ≤ 0 returns the input. */
    static double[] gaussianBlur(double[] src, int w, int h, double sigma) {
        if (sigma <= 0) {
            return src;
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        double[] tmp = new double[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -r; i <= r; i++) {
                    acc += k[i + r] * src[y * w + Math.max(0, Math.min(w - 1, x + i))];
                }
                tmp[y * w + x] = acc;
            }
        }
        double[] out = new double[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -r; i <= r; i++) {
                    acc += k[i + r] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    /** Adds Gaussian sensor noise, clips to 0..255 and quantises to an 8-bit grey image. */
    static BufferedImage toGrey(double[] frame, int w, int h, double noiseSigma, Random random) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            double v = frame[i] + (noiseSigma > 0 ? random.nextGaussian() * noiseSigma : 0);
            px[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
        }
        out.getRaster().setDataElements(0, 0, w, h, px);
        return out;
    }

    /** Baseline JPEG at {@code quality} (1..100), as a webcam's MJPEG stream or a saved photo. */
    static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
