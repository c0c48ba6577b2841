package com.hyperlocal.flashsale.ratelimit;

/** The limits there are; the name is the Redis key part and the {@code RateLimit-Policy} name. */
public enum LimitKind {
    SHOPPER("shopper"),
    SHOPPER_DEAL("shopper-deal"),
    IP("ip"),
    ADMIN("admin");

    private final String policy;

    LimitKind(String policy) {
        this.policy = policy;
    }

    public String policy() {
        return policy;
    }

    RateLimitProperties.Limit of(RateLimitProperties properties) {
        return switch (this) {
            case SHOPPER -> properties.shopper();
            case SHOPPER_DEAL -> properties.shopperDeal();
            case IP -> properties.ip();
            case ADMIN -> properties.admin();
        };
    }
}
