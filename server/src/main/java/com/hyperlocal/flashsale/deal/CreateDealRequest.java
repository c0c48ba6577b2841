package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.web.StorableInstant;
import com.hyperlocal.flashsale.web.StorableText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Body of {@code POST /api/v1/deals}. {@code validFrom} defaults to now. */
record CreateDealRequest(
        @NotBlank @Size(max = 120) @StorableText String title,
        @Size(max = 2000) @StorableText String description,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Min(1) @Max(DealRules.MAX_INVENTORY) Integer totalInventory,
        @StorableInstant Instant validFrom,
        @NotNull @StorableInstant Instant validUntil) {}
