package com.hyperlocal.flashsale.crypto;

import com.hyperlocal.flashsale.crypto.VerificationResult.Reason;
import com.hyperlocal.flashsale.crypto.VoucherVerifier.Rejection;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strict low-level parsing of compact JWS pieces for {@link VoucherVerifier}. Every failure is a
 * {@link Rejection}. Stateless and thread-safe. Not public API.
 */
final class Jose {

    private static final Pattern B64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** 9999-12-31T23:59:59Z; keeps Instant arithmetic far from overflow. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private Jose() {}

    /** Exactly three dot-separated segments (JWE has five, unsecured "a.b" has two). */
    static String[] splitCompact(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new Rejection(Reason.MALFORMED);
        }
        return new String[] {token.substring(0, first), token.substring(first + 1, second), token.substring(second + 1)
        };
    }

    /** Unpadded, canonical base64url only: one token has exactly one spelling. */
    static byte[] decode(String segment) {
        if (!B64URL.matcher(segment).matches()) {
            throw new Rejection(Reason.MALFORMED);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new Rejection(Reason.MALFORMED);
        }
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(segment)) {
            throw new Rejection(Reason.MALFORMED);
        }
        return bytes;
    }

    /** A strict-UTF-8 JSON object; duplicate member names are rejected by the parser. */
    static Map<String, Object> jsonObject(byte[] utf8) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            return JSONObjectUtils.parse(text);
        } catch (CharacterCodingException | java.text.ParseException e) {
            throw new Rejection(Reason.MALFORMED);
        }
    }

    static String requiredString(Map<String, Object> claims, String name) {
        Object v = required(claims, name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new Rejection(Reason.MALFORMED);
        }
        return s;
    }

    static UUID requiredUuid(Map<String, Object> claims, String name) {
        String s = requiredString(claims, name);
        if (!UUID_TEXT.matcher(s).matches()) {
            throw new Rejection(Reason.MALFORMED);
        }
        return UUID.fromString(s);
    }

    /** A NumericDate: whole seconds since the epoch, 0 .. year 9999. */
    static Instant requiredTime(Map<String, Object> claims, String name) {
        Object v = required(claims, name);
        long seconds;
        if (v instanceof Long l) {
            seconds = l;
        } else if (v instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= MAX_EPOCH_SECOND) {
            seconds = n.longValue();
        } else {
            throw new Rejection(Reason.MALFORMED);
        }
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw new Rejection(Reason.MALFORMED);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static Object required(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v == null) {
            throw new Rejection(Reason.MISSING_CLAIM);
        }
        return v;
    }
}
