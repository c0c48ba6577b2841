package com.hyperlocal.flashsale.events;

/** The domain events, by their wire name (the {@code type} of the envelope, last part of the routing key). */
public enum EventType {
    DEAL_CREATED("deal.created"),
    DEAL_CLOSED("deal.closed"),
    CLAIMS_GRANTED("claims.granted"),
    DEAL_SOLD_OUT("deal.sold_out"),
    REDEMPTION_RECORDED("redemption.recorded"),
    REDEMPTION_CONFLICT("redemption.conflict"),
    VOUCHER_REVOKED("voucher.revoked");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
