package com.hyperlocal.flashsale.revocation;

import com.hyperlocal.flashsale.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code since=} cursor: the last seq a till has seen, wrapped so clients treat it as opaque
 * (the encoding may change; a till stores and returns it).
 */
final class RevocationCursor {

    private static final String PREFIX = "r1:";

    private RevocationCursor() {}

    static String encode(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq after which to list; 0 for no cursor. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the one answer below
        }
        throw new InvalidRequestException("since", "is not a cursor this server issued");
    }
}
