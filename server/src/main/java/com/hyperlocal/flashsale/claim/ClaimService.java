package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class ClaimService {

    private final ClaimCoordinator coordinator;
    private final ClaimQuery claims;
    private final ClaimIndex index;
    private final SoldOutDeals soldOut;
    private final Clock clock;

    ClaimService(ClaimCoordinator coordinator, ClaimQuery claims, ClaimIndex index, SoldOutDeals soldOut, Clock clock) {
        this.coordinator = coordinator;
        this.claims = claims;
        this.index = index;
        this.soldOut = soldOut;
        this.clock = clock;
    }

    /** True if the deal is sold out and the user certainly holds no claim on it: known from memory alone. */
    boolean surelySoldOutFor(UUID dealId, String userId) {
        return soldOut.surelyNotHolder(dealId, userId);
    }

    /** Claims one voucher; throws the domain exception that explains any refusal. */
    Claim claim(UUID dealId, String userId) {
        // Sold out and surely not a holder: answered from memory alone.
        if (soldOut.surelyNotHolder(dealId, userId)) {
            throw new SoldOutException(dealId);
        }
        // Repeat requests are answered from Redis: no lock, no PostgreSQL.
        ClaimIndex.Lookup known = index.find(dealId, userId);
        if (known.held().isPresent()) {
            throw new AlreadyClaimedException(known.held().get());
        }
        if (soldOut.isSoldOut(dealId)) {
            // Inventory never grows back. The user may be a holder (their hash matched, or the holders are still
            // loading) and the index does not say so: it is only a cache (flushed, restarted, expired), so the
            // database answers exactly.
            throw claims.byDealAndUser(dealId, userId)
                    .<RuntimeException>map(AlreadyClaimedException::new)
                    .orElseGet(() -> new SoldOutException(dealId));
        }
        ClaimOutcome outcome = coordinator.claim(dealId, userId);
        return switch (outcome) {
            case ClaimOutcome.Granted(Claim claim) -> claim;
            case ClaimOutcome.AlreadyHeld(Claim claim) -> throw new AlreadyClaimedException(claim);
            case ClaimOutcome.NotActive(Instant validFrom, Instant validUntil) ->
                throw new DealNotActiveException(dealId, validFrom, validUntil, clock.instant());
            case ClaimOutcome.DealMissing() -> throw new NotFoundException("Deal", dealId);
            case ClaimOutcome.SoldOut() -> throw new SoldOutException(dealId);
        };
    }

    /** The claim if the user holds it; anyone else is told it does not exist, as for a missing claim. */
    Claim findHeld(UUID claimId, String userId) {
        return claims.byId(claimId)
                .filter(claim -> claim.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("Claim", claimId));
    }

    ClaimsPage heldBy(String userId, int page, int size) {
        java.util.List<Claim> rows = claims.byUser(userId, page * size, size + 1);
        return new ClaimsPage(
                rows.stream().limit(size).map(Claim::toResponse).toList(), page, size, rows.size() > size);
    }
}
