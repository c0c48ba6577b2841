package com.hyperlocal.flashsale.claim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/deals/{id}/claims}. */
record ClaimRequest(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._:@+-]*", message = "may contain only letters, digits and . _ : @ + -")
        String userId) {
}
