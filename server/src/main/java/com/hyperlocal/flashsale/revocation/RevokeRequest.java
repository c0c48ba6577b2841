package com.hyperlocal.flashsale.revocation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST .../claims/{id}/revoke}; the whole body and the reason are optional. */
record RevokeRequest(
        @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Nullable String reason) {

    @Nullable String reasonOrNull() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
