package com.hyperlocal.flashsale.merchant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token     the operator's credential for {@code /api/v1/admin/**}; unset disables that API
 * @param demoMerchant create a demo merchant on first start (set by the embedded default)
 */
@ConfigurationProperties("flashsale.admin")
record AdminProperties(String token, boolean demoMerchant) {

    @Override
    public String toString() {
        return "AdminProperties[token=" + (token == null ? "unset" : "(set)") + ", demoMerchant=" + demoMerchant + "]";
    }
}
