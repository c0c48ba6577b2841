package com.hyperlocal.flashsale.voucher;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which public keys the JWKS shows at {@code now}. A pure function of the keys, each key's latest
 * voucher expiry (read in the background, never per request) and the time:
 * <ul>
 *   <li>a key not signing yet: published (pre-publication: tills learn it before it signs);</li>
 *   <li>the active key;</li>
 *   <li>a retired key: for {@link #RETIRED_KEY_GRACE} after retirement (batches that signed just
 *       before the switch commit just after), and while any voucher it signed, plus the verifiers'
 *       clock skew, is unexpired.</li>
 * </ul>
 * Order: the key signing now first, then newest first.
 */
final class PublishedKeys {

    /** How long a retired key stays published even if it signed nothing that is still valid. */
    static final Duration RETIRED_KEY_GRACE = Duration.ofHours(1);

    private PublishedKeys() {}

    static List<ECKey> select(List<KeyEntry> keys, Map<String, Instant> maxExpiry, Instant now, Duration skew) {
        KeyEntry active = KeySchedule.active(keys, now).orElse(null);
        List<KeyEntry> shown = new ArrayList<>();
        for (KeyEntry k : keys) {
            Instant retiredAt = k.retiredAt();
            boolean retired = retiredAt != null && !retiredAt.isAfter(now);
            Instant exp = maxExpiry.get(k.kid());
            if (k == active
                    || retiredAt == null
                    || !retired
                    || now.isBefore(retiredAt.plus(RETIRED_KEY_GRACE))
                    || (exp != null && now.isBefore(exp.plus(skew)))) {
                shown.add(k);
            }
        }
        shown.sort(Comparator.comparing((KeyEntry k) -> k != active)
                .thenComparing(KeyEntry::signsFrom, Comparator.reverseOrder()));
        return shown.stream().map(KeyEntry::publicJwk).toList();
    }
}
