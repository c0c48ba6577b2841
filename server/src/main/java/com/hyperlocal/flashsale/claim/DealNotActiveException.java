package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The deal exists but has not started yet or has ended. */
final class DealNotActiveException extends DomainException {

    private final Instant validFrom;
    private final Instant validUntil;

    DealNotActiveException(UUID dealId, Instant validFrom, Instant validUntil, Instant now) {
        super(
                now.isBefore(validFrom)
                        ? "Deal " + dealId + " starts at " + validFrom
                        : "Deal " + dealId + " ended at " + validUntil);
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    @Override
    public ProblemType type() {
        return ProblemType.DEAL_NOT_ACTIVE;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("validFrom", validFrom.toString(), "validUntil", validUntil.toString());
    }
}
