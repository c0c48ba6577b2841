package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.web.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Rules that span fields or need the clock; single-field rules sit on {@link CreateDealRequest}. */
final class DealRules {

    static final int MAX_INVENTORY = 1_000_000;
    static final Duration MAX_DURATION = Duration.ofDays(366);
    static final Duration MAX_LEAD_TIME = Duration.ofDays(366);

    private DealRules() {}

    /** {@code validUntil}, or {@code duration} after the start: exactly one of them. */
    private static Instant end(CreateDealRequest request, Instant validFrom) {
        Duration duration = request.duration();
        Instant validUntil = request.validUntil();
        if (validUntil != null && duration != null) {
            throw new InvalidRequestException("duration", "must not be given with validUntil");
        }
        if (duration != null) {
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidRequestException("duration", "must be positive");
            }
            if (duration.compareTo(MAX_DURATION) > 0) {
                throw new InvalidRequestException("duration", "must be at most 366 days");
            }
            return validFrom.plus(duration).truncatedTo(ChronoUnit.MICROS);
        }
        if (validUntil == null) {
            throw new InvalidRequestException("validUntil", "must not be null (or give a duration)");
        }
        return validUntil.truncatedTo(ChronoUnit.MICROS);
    }

    static NewDeal check(CreateDealRequest request, Instant now) {
        if (!Double.isFinite(request.latitude())) {
            throw new InvalidRequestException("latitude", "must be a finite number");
        }
        if (!Double.isFinite(request.longitude())) {
            throw new InvalidRequestException("longitude", "must be a finite number");
        }
        // PostgreSQL keeps microseconds; truncate here so what we answer is what we stored.
        Instant validFrom = request.validFrom() != null ? request.validFrom().truncatedTo(ChronoUnit.MICROS) : now;
        Instant validUntil = end(request, validFrom);
        if (!validUntil.isAfter(now)) {
            throw new InvalidRequestException("validUntil", "must be in the future");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new InvalidRequestException("validUntil", "must be after validFrom");
        }
        if (Duration.between(validFrom, validUntil).compareTo(MAX_DURATION) > 0) {
            throw new InvalidRequestException("validUntil", "must be at most 366 days after validFrom");
        }
        if (Duration.between(now, validFrom).compareTo(MAX_LEAD_TIME) > 0) {
            throw new InvalidRequestException("validFrom", "must be at most 366 days from now");
        }
        String description =
                request.description() == null ? "" : request.description().strip();
        return new NewDeal(
                request.title().strip(),
                description,
                request.latitude(),
                request.longitude(),
                request.totalInventory(),
                validFrom,
                validUntil);
    }
}
