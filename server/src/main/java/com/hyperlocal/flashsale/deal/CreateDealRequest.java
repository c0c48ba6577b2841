package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.web.PlainText;
import com.hyperlocal.flashsale.web.StorableInstant;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/deals}. {@code validFrom} defaults to now; the end is
 * {@code validUntil} or, instead, {@code duration} after the start. A duration keeps a relative
 * window ("two hours from now") the same request when it is retried later, so a retry with the
 * same Idempotency-Key is recognised.
 */
record CreateDealRequest(
        @NotBlank @Size(max = 120) @PlainText String title,
        @Nullable @Size(max = 2000) @PlainText String description,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Min(1) @Max(DealRules.MAX_INVENTORY) Integer totalInventory,
        @Nullable @StorableInstant Instant validFrom,
        @Nullable @StorableInstant Instant validUntil,
        @Nullable Duration duration) {

    /**
     * Hex SHA-256 of what the request asks for, in a canonical form: text stripped as stored, an
     * empty description like none, instants to the microsecond kept. Two bodies that differ only
     * in JSON spelling (member order, spaces, {@code 12.50} vs {@code 12.5}) have one fingerprint.
     */
    String fingerprint() {
        String canonical = String.join(
                "\n",
                "deal-request-v1",
                title.strip(),
                description == null ? "" : description.strip(),
                Double.toString(latitude),
                Double.toString(longitude),
                Integer.toString(totalInventory),
                validFrom == null
                        ? ""
                        : validFrom.truncatedTo(ChronoUnit.MICROS).toString(),
                validUntil == null
                        ? ""
                        : validUntil.truncatedTo(ChronoUnit.MICROS).toString(),
                duration == null ? "" : duration.toString());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
