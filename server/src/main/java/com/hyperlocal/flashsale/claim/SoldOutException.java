package com.hyperlocal.flashsale.claim;

import java.util.UUID;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;

final class SoldOutException extends DomainException {

    SoldOutException(UUID dealId) {
        super("Deal " + dealId + " is sold out");
    }

    @Override
    public ProblemType type() {
        return ProblemType.SOLD_OUT;
    }
}
