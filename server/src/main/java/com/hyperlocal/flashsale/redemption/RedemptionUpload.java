package com.hyperlocal.flashsale.redemption;

import com.hyperlocal.flashsale.web.StorableInstant;
import com.hyperlocal.flashsale.web.StorableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/redemptions}: one device's queued scans. */
record RedemptionUpload(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:@+-]*") String deviceId,

        @NotEmpty @Size(max = 500) List<@Valid @NotNull Item> items) {

    enum Outcome {
        REDEEMED,
        REFUSED
    }

    /** One scan as the device recorded it; {@code clientId} is made on the device and never reused. */
    record Item(
            @NotNull UUID clientId,
            @NotBlank @Size(max = 4096) @StorableText String token,
            @NotNull @StorableInstant Instant scannedAt,
            @NotNull Outcome outcome,
            @Size(max = 64) @StorableText @Nullable String refusalReason) {}
}
