package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;
import java.util.Map;
import java.util.UUID;

/**
 * The merchant's Idempotency-Key already made a deal from a different request. Answering that
 * deal would hide the change; creating another would break the key's promise. {@code dealId}
 * names the earlier deal (the caller's own), so a client can say which one the key belongs to.
 */
final class IdempotencyKeyReusedException extends DomainException {

    private final UUID dealId;

    IdempotencyKeyReusedException(UUID dealId) {
        super("This Idempotency-Key already created deal " + dealId
                + " from a different request; send the changed deal with a new key");
        this.dealId = dealId;
    }

    @Override
    public ProblemType type() {
        return ProblemType.IDEMPOTENCY_KEY_REUSED;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("dealId", dealId);
    }
}
