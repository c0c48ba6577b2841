package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;
import java.util.UUID;

/** The deal's lock stayed taken for the whole bounded wait; nothing was written. */
final class LockBusyException extends DomainException {

    LockBusyException(UUID dealId) {
        super("Deal " + dealId + " is handling too many claims right now; nothing was changed. Please retry.");
    }

    @Override
    public ProblemType type() {
        return ProblemType.LOCK_BUSY;
    }
}
