package com.hyperlocal.flashsale.claim;

import java.time.Clock;
import java.util.UUID;

import com.hyperlocal.flashsale.web.NotFoundException;
import org.springframework.stereotype.Service;

@Service
class ClaimService {

    private final ClaimCoordinator coordinator;
    private final ClaimQuery claims;
    private final Clock clock;

    ClaimService(ClaimCoordinator coordinator, ClaimQuery claims, Clock clock) {
        this.coordinator = coordinator;
        this.claims = claims;
        this.clock = clock;
    }

    /** Claims one voucher; throws the domain exception that explains any refusal. */
    Claim claim(UUID dealId, String userId) {
        if (coordinator.knownSoldOut(dealId)) {
            // No lock needed: inventory never grows back. Still tell a holder about their claim.
            throw claims.byDealAndUser(dealId, userId)
                    .<RuntimeException>map(AlreadyClaimedException::new)
                    .orElseGet(() -> new SoldOutException(dealId));
        }
        ClaimOutcome outcome = coordinator.claim(dealId, userId);
        if (outcome instanceof ClaimOutcome.Granted granted) {
            return granted.claim();
        }
        if (outcome instanceof ClaimOutcome.AlreadyHeld held) {
            throw new AlreadyClaimedException(held.claim());
        }
        if (outcome instanceof ClaimOutcome.NotActive inactive) {
            throw new DealNotActiveException(dealId, inactive.validFrom(), inactive.validUntil(), clock.instant());
        }
        if (outcome instanceof ClaimOutcome.DealMissing) {
            throw new NotFoundException("Deal", dealId);
        }
        throw new SoldOutException(dealId);
    }

    Claim find(UUID claimId) {
        return claims.byId(claimId).orElseThrow(() -> new NotFoundException("Claim", claimId));
    }
}
