package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.infra.WarmUp;
import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim path without a trace: a claim on a deal that does not exist goes through the sold-out
 * check, the Redis index, the terms read, a group commit (lock script, {@code claim_batch} or
 * {@code claim_batches}, release) and is answered "missing"; a voucher is signed and its answer
 * serialised as a real one would be, and both are thrown away.
 */
@Component
class ClaimWarmUp implements WarmUp {

    private final ClaimService claims;
    private final VoucherIssuer vouchers;
    private final JsonMapper json;

    ClaimWarmUp(ClaimService claims, VoucherIssuer vouchers, JsonMapper json) {
        this.claims = claims;
        this.vouchers = vouchers;
        this.json = json;
    }

    @Override
    public void exercise() {
        UUID deal = UUID.randomUUID();
        try {
            claims.claim(deal, "warm-up");
            throw new IllegalStateException("a made-up deal was claimed");
        } catch (NotFoundException expected) {
            // the answer to a deal that does not exist
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID claimId = UUID.randomUUID();
        String token = vouchers.session().sign(claimId, "warm-up", deal, UUID.randomUUID(), now, expires);
        json.writeValueAsBytes(new ClaimResponse(claimId, deal, "warm-up", now, token, expires));
    }
}
