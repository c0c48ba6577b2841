package com.hyperlocal.flashsale.verifier.scan.corpus;

import com.hyperlocal.flashsale.crypto.ErrorCorrection;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherSigner;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes the scan corpus: for every {@link Degradation} class, {@code perClass} webcam frames of
 * a phone showing a real voucher (signed by {@link VoucherSigner} with the test vectors' key,
 * rendered by {@link QrCodes} as the server renders it), plus {@code manifest.tsv}. Everything
 * derives from {@code seed}: the same seed writes the same bytes.
 *
 * <p>Regenerate the committed corpus (see docs/scanning.md):
 * {@code ./mvnw -B -ntp -q -pl offline-verifier-app -am verify -Dtest=RegenerateScanCorpus
 * -Dsurefire.failIfNoSpecifiedTests=false -Dscan.corpus.regenerate=true}
 */
public final class CorpusGenerator {

    public static final long SEED = 20261202L;
    public static final int PER_CLASS = 20;

    private CorpusGenerator() {}

    /**
     * @param textLength 0 for signed vouchers; otherwise random base64url texts of that length
     *                   (to measure how the code's size alone changes the rate)
     */
    public static List<CorpusManifest.Entry> generate(Path dir, long seed, int perClass, int textLength)
            throws IOException {
        List<String> texts = textLength == 0
                ? vouchers(seed, Degradation.values().length * perClass)
                : randomTexts(seed, Degradation.values().length * perClass, textLength);
        List<CorpusManifest.Entry> entries = new ArrayList<>();
        int k = 0;
        for (Degradation d : Degradation.values()) {
            Files.createDirectories(dir.resolve(d.slug()));
            for (int i = 0; i < perClass; i++) {
                String text = texts.get(k++);
                double severity = severity(i, perClass);
                String file = d.slug() + "/" + d.slug() + String.format("-%02d.jpg", i);
                Files.write(dir.resolve(file), frame(d, i, severity, text, seed));
                entries.add(new CorpusManifest.Entry(file, d.slug(), severity, text));
            }
        }
        CorpusManifest.write(dir, entries);
        return entries;
    }

    /** Image {@code index} of a class: severities spread evenly from 0 to 1. */
    static double severity(int index, int perClass) {
        return perClass == 1 ? 0 : (double) index / (perClass - 1);
    }

    /** One frame's JPEG bytes; depends only on its arguments. */
    static byte[] frame(Degradation d, int index, double severity, String text, long seed) {
        Random random = new Random(seed * 1_000_003L + d.ordinal() * 1_009L + index);
        Shot shot = d.shot(severity, random);
        BufferedImage modules = QrCodes.toImage(text, 0, ErrorCorrection.M);
        BufferedImage frame = CameraSimulator.render(modules, shot, random);
        // The small-code class is about the whole webcam frame; elsewhere only the code matters.
        BufferedImage stored = d == Degradation.WEBCAM_SMALL ? frame : CameraSimulator.cropToCode(frame, shot, 40);
        return Filters.jpeg(stored, shot.jpegQuality());
    }

    /** Vouchers as the server issues them: random ids, one shopper each, valid in March 2026. */
    static List<String> vouchers(long seed, int count) {
        Random r = new Random(seed);
        VoucherTestVectors.Settings settings = VoucherTestVectors.settings();
        VoucherSigner signer = new VoucherSigner(VoucherTestVectors.signingKey());
        return SeededSigning.with(seed, () -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant iat = settings.verifyAt().minusSeconds(r.nextInt(86_400));
                out.add(signer.sign(new VoucherClaims(
                        settings.issuer(),
                        "user-" + base64url(r, 8),
                        uuid(r),
                        uuid(r),
                        settings.merchantId(),
                        iat,
                        iat.plusSeconds(7 * 86_400))));
            }
            return out;
        });
    }

    private static List<String> randomTexts(long seed, int count, int length) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(base64url(r, length));
        }
        return out;
    }

    private static UUID uuid(Random r) {
        return new UUID(
                (r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static String base64url(Random r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** {@code java ... CorpusGenerator DIR [perClass] [textLength]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "offline-verifier-app/src/test/resources/scan-corpus");
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : PER_CLASS;
        int textLength = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        System.out.println("wrote " + generate(dir, SEED, perClass, textLength).size() + " images to " + dir);
    }
}
