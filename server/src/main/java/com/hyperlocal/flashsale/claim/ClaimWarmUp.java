package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.infra.WarmUp;
import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Clock;
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
    private final Clock clock;

    ClaimWarmUp(ClaimService claims, VoucherIssuer vouchers, JsonMapper json, Clock clock) {
        this.claims = claims;
        this.vouchers = vouchers;
        this.json = json;
        this.clock = clock;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = VoucherIssuer.expiryFor(now.plus(1, ChronoUnit.HOURS));
        UUID claimId = UUID.randomUUID();
        String token = vouchers.session().sign(claimId, "warm-up", deal, UUID.randomUUID(), now, expires);
        json.writeValueAsBytes(new ClaimResponse(claimId, deal, "warm-up", now, token, expires));
    }
}
