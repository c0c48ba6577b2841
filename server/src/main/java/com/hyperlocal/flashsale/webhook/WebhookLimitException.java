package com.hyperlocal.flashsale.webhook;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;

/** The merchant already has as many webhooks as allowed. */
final class WebhookLimitException extends DomainException {

    WebhookLimitException(int max) {
        super("At most " + max + " webhooks per merchant; remove one first");
    }

    @Override
    public ProblemType type() {
        return ProblemType.WEBHOOK_LIMIT;
    }
}
