package com.hyperlocal.flashsale.voucher;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which key signs at a given instant, and when the next one must be prepared. Pure functions. */
final class KeySchedule {

    private KeySchedule() {}

    /** The key whose signing started last among those that have started and are not retired at {@code now}. */
    static Optional<KeyEntry> active(List<KeyEntry> keys, Instant now) {
        return keys.stream()
                .filter(k -> !k.signsFrom().isAfter(now)
                        && (k.retiredAt() == null || k.retiredAt().isAfter(now)))
                .max(Comparator.comparing(KeyEntry::signsFrom).thenComparing(KeyEntry::createdAt));
    }

    /** A key published but not signing yet. */
    static Optional<KeyEntry> next(List<KeyEntry> keys, Instant now) {
        return keys.stream()
                .filter(k -> k.signsFrom().isAfter(now) && k.retiredAt() == null)
                .max(Comparator.comparing(KeyEntry::signsFrom));
    }

    /**
     * True when a successor must be published now so that it starts signing when the active key
     * reaches {@code rotateAfter}: no successor is pending and the active key started signing at
     * least {@code rotateAfter - publishAhead} ago.
     */
    static boolean successorDue(List<KeyEntry> keys, Instant now, Duration rotateAfter, Duration publishAhead) {
        if (next(keys, now).isPresent()) {
            return false;
        }
        return active(keys, now)
                .map(a -> !now.isBefore(started(a).plus(rotateAfter).minus(publishAhead)))
                .orElse(true);
    }

    /** When the key began signing; a keys-file key signs from the epoch, so its age counts from creation. */
    private static Instant started(KeyEntry key) {
        return key.signsFrom().isAfter(key.createdAt()) ? key.signsFrom() : key.createdAt();
    }
}
