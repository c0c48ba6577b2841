package com.hyperlocal.flashsale.redemption;

import com.hyperlocal.flashsale.merchant.AuthenticatedMerchant;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RedemptionController {

    private final RedemptionService service;

    RedemptionController(RedemptionService service) {
        this.service = service;
    }

    /** A device's queued scans; safe to resend: each item is recorded once by its clientId. */
    @PostMapping("/api/v1/redemptions")
    RedemptionResult upload(AuthenticatedMerchant merchant, @Valid @RequestBody RedemptionUpload upload) {
        return service.record(merchant.id(), upload);
    }

    record RedemptionList(List<RedemptionView> redemptions) {}

    /** The caller's redemptions and logged scans, newest first (at most 500); {@code conflicts=true} for conflicts only. */
    @GetMapping("/api/v1/merchant/redemptions")
    RedemptionList list(
            AuthenticatedMerchant merchant,
            @RequestParam(name = "conflicts", defaultValue = "false") boolean conflictsOnly) {
        return new RedemptionList(service.list(merchant.id(), conflictsOnly));
    }
}
