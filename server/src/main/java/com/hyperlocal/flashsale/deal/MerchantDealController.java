package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.merchant.AuthenticatedMerchant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's own deals. Another merchant's deal answers 404, exactly like a missing one. */
@RestController
@RequestMapping("/api/v1/merchant/deals")
class MerchantDealController {

    private final DealService service;

    MerchantDealController(DealService service) {
        this.service = service;
    }

    record DealList(List<DealResponse> deals) {}

    @GetMapping
    DealList list(AuthenticatedMerchant merchant) {
        return new DealList(service.listOwn(merchant.id()));
    }

    @GetMapping("/{id}")
    DealResponse show(AuthenticatedMerchant merchant, @PathVariable UUID id) {
        return service.findOwn(merchant.id(), id);
    }

    /**
     * Ends the deal now; claims stop at once. Closing an ended deal is a no-op. With
     * {@code voidVouchers=true} every unredeemed voucher of the deal is revoked as well.
     */
    @PostMapping("/{id}/close")
    DealResponse close(
            AuthenticatedMerchant merchant,
            @PathVariable UUID id,
            @RequestParam(name = "voidVouchers", defaultValue = "false") boolean voidVouchers) {
        return service.close(merchant.id(), id, voidVouchers);
    }
}
