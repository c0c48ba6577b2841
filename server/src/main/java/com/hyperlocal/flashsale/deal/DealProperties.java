package com.hyperlocal.flashsale.deal;

import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Until merchant accounts exist, every deal belongs to {@code defaultMerchantId}. */
@ConfigurationProperties("flashsale.deals")
record DealProperties(UUID defaultMerchantId) {

    DealProperties {
        if (defaultMerchantId == null) {
            defaultMerchantId = UUID.fromString("00000000-0000-0000-0000-000000000001");
        }
    }
}
