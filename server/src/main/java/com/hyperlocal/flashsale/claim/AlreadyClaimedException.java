package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;
import java.util.Map;

/** One voucher per user per deal: tells the user which claim they already hold. */
final class AlreadyClaimedException extends DomainException {

    private final Claim existing;

    AlreadyClaimedException(Claim existing) {
        super("User " + existing.userId() + " already holds claim " + existing.id() + " for deal " + existing.dealId());
        this.existing = existing;
    }

    @Override
    public ProblemType type() {
        return ProblemType.ALREADY_CLAIMED;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of(
                "claimId",
                existing.id(),
                "claimedAt",
                existing.claimedAt().toString(),
                "claim",
                "/api/v1/claims/" + existing.id(),
                "qr",
                "/api/v1/claims/" + existing.id() + "/qr");
    }
}
