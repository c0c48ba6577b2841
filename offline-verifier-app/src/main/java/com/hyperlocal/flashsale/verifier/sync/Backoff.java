package com.hyperlocal.flashsale.verifier.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits {@code min(max, base * 2^(n-1))}, less a
 * random share of up to {@code jitter} of it, so many tills coming back online after an outage
 * do not hit the server in lock-step.
 *
 * @param random supplies values in [0, 1) ({@code Math::random} in production, fixed in tests)
 */
public record Backoff(Duration base, Duration max, double jitter, DoubleSupplier random) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.5, Math::random);
    }

    /** The wait before retry number {@code attempt} (1 = first retry). */
    public Duration delay(int attempt) {
        long baseMs = base.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long full = Math.min(max.toMillis(), baseMs << shift);
        return Duration.ofMillis(Math.round(full * (1 - jitter * random.getAsDouble())));
    }
}
