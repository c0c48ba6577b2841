package com.hyperlocal.flashsale.merchant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MerchantController {

    /** Who the API key belongs to; the CLI and the verifier app read their merchant id here. */
    @GetMapping("/api/v1/merchant/me")
    AuthenticatedMerchant me(AuthenticatedMerchant merchant) {
        return merchant;
    }
}
