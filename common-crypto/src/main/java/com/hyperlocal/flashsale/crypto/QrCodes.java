package com.hyperlocal.flashsale.crypto;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * QR encode/decode for voucher tokens (or any text).
 *
 * <p>Decoding is meant to be called on every webcam frame: it allocates fresh ZXing readers per
 * call (ZXing readers are not thread-safe), holds no state, keeps to a time budget, and reports
 * "no code" as an empty {@link Optional} rather than an exception.
 *
 * <p>Stateless and thread-safe.
 */
public final class QrCodes {

    /** The quiet zone the QR spec asks for; smaller margins hurt scanning on busy backgrounds. */
    public static final int QUIET_ZONE_MODULES = 4;

    /**
     * How long {@link #decode(BufferedImage)} may spend on one frame: a live camera at 10 frames
     * a second leaves 100 ms per frame, on one core while the other draws the screen.
     */
    public static final Duration FRAME_BUDGET = Duration.ofMillis(100);

    private QrCodes() {}

    /** Renders {@code text} as a black-on-white QR code PNG of about {@code sizePx} square. */
    public static byte[] toPng(String text, int sizePx, ErrorCorrection level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix(text, sizePx, level), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: not expected
        }
        return out.toByteArray();
    }

    /**
     * Renders {@code text} as a QR image. If {@code sizePx} is smaller than the code needs, the
     * image is the smallest size that holds it (one pixel per module).
     */
    public static BufferedImage toImage(String text, int sizePx, ErrorCorrection level) {
        return MatrixToImageWriter.toBufferedImage(matrix(text, sizePx, level));
    }

    /** The QR version (1..40) ZXing picks for {@code text} at {@code level}. */
    public static int version(String text, ErrorCorrection level) {
        try {
            return Encoder.encode(text, level.zxing(), encodeHints(text, level))
                    .getVersion()
                    .getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /**
     * Decodes the first QR code in a camera frame (or any image), including inverted
     * (light-on-dark) codes, spending at most about {@link #FRAME_BUDGET} on it.
     */
    public static Optional<String> decode(BufferedImage image) {
        return decode(image, FRAME_BUDGET);
    }

    /**
     * Decodes the first QR code in the image, trying clean-ups (rescaling, sharpening, contrast
     * normalisation, inversion; see docs/scanning.md) until one reads it or {@code budget} is
     * spent. No new attempt starts after the budget (except the first few, which always run); the
     * one running finishes.
     */
    public static Optional<String> decode(BufferedImage image, Duration budget) {
        if (image == null) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + budget.toNanos();
        return QrDecoder.decode(GreyImage.of(image), deadline, System::nanoTime);
    }

    /** Decodes a PNG (or any ImageIO-readable) image; unreadable bytes give an empty result. */
    public static Optional<String> decode(byte[] png) {
        if (png == null) {
            return Optional.empty();
        }
        try {
            return decode(ImageIO.read(new ByteArrayInputStream(png)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static BitMatrix matrix(String text, int sizePx, ErrorCorrection level) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
        if (sizePx < 0) {
            throw new IllegalArgumentException("sizePx must be >= 0");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, encodeHints(text, level));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    private static Map<EncodeHintType, Object> encodeHints(String text, ErrorCorrection level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level.zxing());
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        // Tokens are ASCII: no charset hint means no ECI segment, i.e. the smallest code.
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return hints;
    }
}
