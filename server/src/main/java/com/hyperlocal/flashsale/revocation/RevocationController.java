package com.hyperlocal.flashsale.revocation;

import com.hyperlocal.flashsale.merchant.AuthenticatedMerchant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A merchant cancels vouchers; tills fetch the cancellations incrementally. */
@RestController
class RevocationController {

    private final VoucherRevocations revocations;

    RevocationController(VoucherRevocations revocations) {
        this.revocations = revocations;
    }

    /** Idempotent: revoking again answers the first revocation. Another merchant's claim is 404. */
    @PostMapping("/api/v1/merchant/claims/{claimId}/revoke")
    Revocation revoke(
            AuthenticatedMerchant merchant,
            @PathVariable UUID claimId,
            @Valid @RequestBody(required = false) @Nullable RevokeRequest body) {
        return revocations.revoke(merchant.id(), claimId, body == null ? null : body.reasonOrNull());
    }

    /** The merchant's revocations after {@code since}, oldest first; no {@code since}: from the start. */
    @GetMapping("/api/v1/merchant/revocations")
    RevocationPage list(
            AuthenticatedMerchant merchant,
            @RequestParam(name = "since", required = false) @Size(max = 64) String since,
            @RequestParam(name = "limit", defaultValue = "500") @Min(1) @Max(1000) int limit) {
        return revocations.after(merchant.id(), since, limit);
    }
}
