package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;
import java.util.UUID;

final class SoldOutException extends DomainException {

    SoldOutException(UUID dealId) {
        super("Deal " + dealId + " is sold out");
    }

    @Override
    public ProblemType type() {
        return ProblemType.SOLD_OUT;
    }
}
