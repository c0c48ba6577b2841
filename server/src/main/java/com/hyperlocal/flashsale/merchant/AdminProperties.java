package com.hyperlocal.flashsale.merchant;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token            the operator's credential for {@code /api/v1/admin/**}; unset disables that API
 * @param demoMerchant     create a demo merchant on first start (set by the embedded default)
 * @param demoMerchantFile where the demo merchant's key is kept, owner-only (the embedded default puts
 *                         it in its data folder)
 */
@ConfigurationProperties("flashsale.admin")
record AdminProperties(String token, boolean demoMerchant, Path demoMerchantFile) {

    AdminProperties {
        demoMerchantFile = demoMerchantFile != null ? demoMerchantFile : Path.of("data", DemoMerchant.FILE);
    }

    @Override
    public String toString() {
        return "AdminProperties[token=" + (token == null ? "unset" : "(set)") + ", demoMerchant=" + demoMerchant
                + ", demoMerchantFile=" + demoMerchantFile + "]";
    }
}
