package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.claim.Lanes.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What follows a deal's committed batch, in this order: the lane learns the deal's terms, a
 * sold-out deal is marked, the index learns the claims — so that a user who saw their 201 and asks
 * again is answered from memory — and only then is each request answered.
 */
final class ClaimAnswers {

    private final Lanes lanes;
    private final ClaimIndex index;
    private final SoldOutDeals soldOut;

    ClaimAnswers(Lanes lanes, ClaimIndex index, SoldOutDeals soldOut) {
        this.lanes = lanes;
        this.index = index;
        this.soldOut = soldOut;
    }

    void deliver(Lane lane, List<PendingClaim> batch, ClaimWriter.BatchResult result) {
        lane.terms = result.terms();
        if (result.outcomes().values().stream().anyMatch(o -> o instanceof ClaimOutcome.DealMissing)) {
            lanes.dropIfIdle(lane.dealId, lane); // a made-up deal id must not keep a lane
        }
        if (result.remainingAfter() == 0
                && result.outcomes().values().stream()
                        .noneMatch(o -> o instanceof ClaimOutcome.NotActive || o instanceof ClaimOutcome.DealMissing)) {
            soldOut.markSoldOut(lane.dealId);
        }
        index.remember(lane.dealId, held(result));
        for (PendingClaim p : batch) {
            p.complete(Objects.requireNonNull(result.outcomes().get(p), "the writer answers every claim of its batch"));
        }
    }

    private static List<Claim> held(ClaimWriter.BatchResult result) {
        List<Claim> held = new ArrayList<>();
        for (ClaimOutcome outcome : result.outcomes().values()) {
            switch (outcome) {
                case ClaimOutcome.Granted(Claim claim) -> held.add(claim);
                case ClaimOutcome.AlreadyHeld(Claim claim) -> held.add(claim);
                case ClaimOutcome.SoldOut soldOut -> {}
                case ClaimOutcome.NotActive notActive -> {}
                case ClaimOutcome.DealMissing missing -> {}
            }
        }
        return held;
    }
}
