package com.hyperlocal.flashsale.crypto;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * QR encode/decode for voucher tokens (or any text).
 *
 * <p>Decoding is meant to be called on every webcam frame: it allocates a fresh ZXing reader per
 * call (ZXing readers are not thread-safe), holds no state, and reports "no code" as an empty
 * {@link Optional} rather than an exception.
 *
 * <p>Stateless and thread-safe.
 */
public final class QrCodes {

    /** The quiet zone the QR spec asks for; smaller margins hurt scanning on busy backgrounds. */
    public static final int QUIET_ZONE_MODULES = 4;

    private static final Map<DecodeHintType, Object> DECODE_HINTS = decodeHints();
    private static final Map<DecodeHintType, Object> PURE_HINTS = pureHints();

    private QrCodes() {
    }

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
                    .getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /** Decodes the first QR code found in the image, including inverted (light-on-dark) codes. */
    public static Optional<String> decode(BufferedImage image) {
        if (image == null) {
            return Optional.empty();
        }
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        // Hybrid copes with uneven lighting; global histogram rescues some low-contrast frames.
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                MultiFormatReader reader = new MultiFormatReader();
                return Optional.of(reader.decode(bitmap, DECODE_HINTS).getText());
            } catch (ReaderException | RuntimeException e) {
                // Not found / checksum / format, or a ZXing internal error on a garbage frame:
                // either way "no code in this frame", try the next binarizer.
            }
        }
        // ZXing's finder-pattern detector misses roughly 3% of clean version-17 codes (measured
        // over random tokens); a straight-on image such as a file or a screenshot decodes in pure mode.
        try {
            return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    PURE_HINTS).getText());
        } catch (ReaderException | RuntimeException e) {
            return Optional.empty();
        }
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
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx,
                    encodeHints(text, level));
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

    private static Map<DecodeHintType, Object> decodeHints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
        return Map.copyOf(hints);
    }

    private static Map<DecodeHintType, Object> pureHints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DECODE_HINTS);
        hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        return hints;
    }
}
