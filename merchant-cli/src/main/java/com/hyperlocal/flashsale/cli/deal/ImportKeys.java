package com.hyperlocal.flashsale.cli.deal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The Idempotency-Key of an imported row. It depends on what the row means, never on where it
 * sits in the file: a content key hashes the row's normalised fields, an explicit key (the
 * {@code key} column) hashes the merchant's own value. Hex SHA-256, first 32 characters; each kind
 * hashes its own prefix, so the kinds can never collide.
 */
final class ImportKeys {

    private ImportKeys() {}

    /** The key of a row without a {@code key}: its meaning. {@code draft} is normalised. */
    static String content(DealDraft draft) {
        return hash("flashdeal-import content v1\n" + canonical(draft));
    }

    /** The key of a row with a {@code key} value. */
    static String explicit(String key) {
        return hash("flashdeal-import key v1\n" + key.strip());
    }

    /**
     * The key of a row whose {@code key} already made a deal with other content: the key and the
     * new content together, so this version too is created once however often the file is run.
     */
    static String edited(String key, DealDraft draft) {
        return hash("flashdeal-import edited v1\n" + key.strip() + "\n" + canonical(draft));
    }

    /**
     * One line per field in a fixed order: numbers in one spelling, times as instants, and the
     * window as start and end instants (a start and a duration is that end) or, for a row
     * starting now, "now" and the duration.
     */
    static String canonical(DealDraft d) {
        String start = d.starts() == null ? "now" : d.starts().toString();
        String end = d.ends() != null
                ? d.ends().toString()
                : d.starts() != null ? d.end(Instant.EPOCH).toString() : "now+" + d.duration();
        return String.join(
                "\n",
                d.title(),
                d.description() == null ? "" : d.description(),
                number(d.latitude()),
                number(d.longitude()),
                Long.toString(d.inventory()),
                start,
                end);
    }

    private static String number(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
