package com.hyperlocal.flashsale.verifier.verify;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the status bar says about the cached keys.
 *
 * @param fetchedAt null when there is no usable cache
 * @param problem   null when the cache is usable
 * @param missing   there is no key cache file at all (a till never set up), as opposed to a broken one
 */
public record KeyStatus(
        @Nullable Instant fetchedAt,
        @Nullable Duration age,
        boolean tooOld,
        @Nullable String problem,
        boolean missing) {

    public boolean usable() {
        return problem == null;
    }
}
