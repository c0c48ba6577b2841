package com.hyperlocal.flashsale.crypto;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads a QR code from a camera frame by trying, in a fixed order, the clean-ups that rescue the
 * frames a counter produces, until one decodes or the time budget is spent. The order is by
 * measured value per millisecond on the scan corpus (docs/scanning.md): first what reads most
 * frames cheaply, then the rescues of one degradation each.
 *
 * <p>ZXing's error correction makes a wrong text practically impossible (Reed–Solomon plus
 * format checks), so trying many variants of one frame does not raise the misread rate; the
 * corpus test also checks that no image is ever misread.
 *
 * <p>Stateless and thread-safe (a fresh ZXing reader per attempt).
 */
final class QrDecoder {

    /**
     * One way of looking at the frame. {@code inverted}: light-on-dark, either by inverting the
     * grey image before binarizing or ({@code flipBits}) by flipping the binarized bits, as
     * ZXing's ALSO_INVERTED does; the two differ where the binarizer meets low-contrast blocks
     * and each reads dark-mode frames the other misses. {@code pure}: ZXing's mode for a
     * straight, unrotated code. {@code smallCode}: {@code prepare} gets the frame's small code
     * cut out and enlarged ({@link SmallCode}), and the attempt is passed over when there is none.
     */
    record Attempt(
            String name,
            Function<GreyImage, GreyImage> prepare,
            boolean global,
            boolean inverted,
            boolean pure,
            boolean flipBits,
            boolean smallCode) {

        Attempt(String name, Function<GreyImage, GreyImage> prepare, boolean global, boolean inverted) {
            this(name, prepare, global, inverted, false, false, false);
        }

        Attempt(String name, Function<GreyImage, GreyImage> prepare, boolean global, boolean inverted, boolean pure) {
            this(name, prepare, global, inverted, pure, false, false);
        }

        static Attempt onSmallCode(String name, Function<GreyImage, GreyImage> prepare) {
            return new Attempt(name, prepare, false, false, false, false, true);
        }
    }

    private static final Function<GreyImage, GreyImage> AS_IS = g -> g;

    /** The order the till tries; names as in docs/scanning.md (H/G = hybrid/global binarizer, i = inverted). */
    static final List<Attempt> ATTEMPTS = List.of(
            new Attempt("H", AS_IS, false, false),
            new Attempt("H-flip", AS_IS, false, true, false, true, false),
            new Attempt("Hi", AS_IS, false, true),
            // A file or screenshot: ZXing's finder search misses ~3% of clean version-17 codes.
            new Attempt("pure", AS_IS, false, false, true),
            new Attempt("pure-i", AS_IS, false, true, true),
            // A code under 3 px per module (a phone held far from the camera), cut out and
            // enlarged: about one whole-frame attempt's cost where there is one, next to nothing
            // where there is none, so early enough to run within a busy machine's frame budget.
            Attempt.onSmallCode("S-sharp2r2", g -> g.sharpened(2, 2)),
            Attempt.onSmallCode("S-rot30", g -> g.rotated(30)),
            Attempt.onSmallCode("S-rot-30", g -> g.rotated(-30)),
            new Attempt("G", AS_IS, true, false),
            new Attempt("G-flip", AS_IS, true, true, false, true, false),
            new Attempt("Gi", AS_IS, true, true),
            new Attempt("H-x0.67", g -> g.scaled(0.67), false, false),
            new Attempt("H-box1", g -> g.boxBlur(1), false, false),
            new Attempt("H-sharp1.5r2", g -> g.sharpened(1.5, 2), false, false),
            // Strong and narrow: on ~3.7 px modules defocused by σ ≈ 1.8–2 px, milder masks
            // (1.5–3 at r1, 2.5 at r2) read none of the frames this one adds.
            new Attempt("G-sharp4r1", g -> g.sharpened(4, 1), true, false),
            new Attempt("H-x1.25", g -> g.scaled(1.25), false, false),
            new Attempt("H-x0.75", g -> g.scaled(0.75), false, false),
            new Attempt("H-rot15", g -> g.rotated(15), false, false),
            new Attempt("H-x0.67-norm8", g -> g.scaled(0.67).normalised(8), false, false),
            new Attempt("G-norm12", g -> g.normalised(12), true, false),
            new Attempt("G-box1", g -> g.boxBlur(1), true, false),
            new Attempt("H-x1.5", g -> g.scaled(1.5), false, false),
            new Attempt("H-x1.5-sharp2r2", g -> g.scaled(1.5).sharpened(2, 2), false, false),
            new Attempt("H-x2", g -> g.scaled(2), false, false),
            new Attempt("Hi-x1.5", g -> g.scaled(1.5), false, true),
            new Attempt("Hi-sharp1.5r2", g -> g.sharpened(1.5, 2), false, true),
            new Attempt("H-rot-30", g -> g.rotated(-30), false, false),
            new Attempt("H-x1.5-rot30", g -> g.scaled(1.5).rotated(30), false, false));

    /**
     * Tried whatever the budget: a plain or inverted code, straight or in a camera frame, reads
     * on a slow or busy machine too. They cost ~30 ms together on a 640×480 frame.
     */
    static final int ALWAYS_TRIED = 5;

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    private static final Map<DecodeHintType, Object> PURE_HINTS =
            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.PURE_BARCODE, Boolean.TRUE);

    private QrDecoder() {}

    /**
     * @param deadline {@code nanoTime} value after which no further attempt starts (one already
     *                 running finishes: a ZXing pass cannot be interrupted)
     */
    static Optional<String> decode(GreyImage frame, long deadline, LongSupplier nanoTime) {
        SmallCode small = new SmallCode(frame);
        for (int i = 0; i < ATTEMPTS.size(); i++) {
            Attempt a = ATTEMPTS.get(i);
            GreyImage input = a.smallCode() ? small.enlarged() : frame;
            Optional<String> text = input == null ? Optional.empty() : attempt(a, input);
            if (text.isPresent() || (i + 1 >= ALWAYS_TRIED && nanoTime.getAsLong() - deadline >= 0)) {
                return text;
            }
        }
        return Optional.empty();
    }

    static Optional<String> attempt(Attempt a, GreyImage frame) {
        LuminanceSource source = a.prepare().apply(frame).source();
        if (a.inverted() && !a.flipBits()) {
            source = source.invert();
        }
        Binarizer binarizer = a.global() ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source);
        try {
            BinaryBitmap bitmap = new BinaryBitmap(binarizer);
            if (a.flipBits()) {
                bitmap.getBlackMatrix().flip(); // the bitmap caches this matrix: the reader sees it flipped
            }
            return Optional.of(new QRCodeReader()
                    .decode(bitmap, a.pure() ? PURE_HINTS : HINTS)
                    .getText());
        } catch (ReaderException | RuntimeException e) {
            // Not found / checksum / format, or a ZXing internal error on a garbage frame:
            // either way "not with this attempt".
            return Optional.empty();
        }
    }
}
