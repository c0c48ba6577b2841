package com.hyperlocal.flashsale.verifier.verify;

import java.time.Duration;
import java.time.Instant;

/**
 * What the status bar says about the cached keys.
 *
 * @param fetchedAt null when there is no usable cache
 * @param problem   null when the cache is usable
 */
public record KeyStatus(Instant fetchedAt, Duration age, boolean tooOld, String problem) {

    public boolean usable() {
        return problem == null;
    }
}
