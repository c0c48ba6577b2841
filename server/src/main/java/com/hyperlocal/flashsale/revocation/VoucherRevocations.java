package com.hyperlocal.flashsale.revocation;

import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelled vouchers: revoked one by one by their merchant, or all unredeemed ones of a deal
 * closed with {@code voidVouchers}. Tills download them ({@link #after}) and refuse them
 * offline; redemptions of a revoked voucher are recorded as conflicts by the redemption feature.
 */
@Service
public class VoucherRevocations {

    /** The reason given to vouchers voided by closing their deal. */
    public static final String DEAL_CLOSED = "deal closed";

    private final RevocationLedger ledger;
    private final Clock clock;

    VoucherRevocations(RevocationLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Revokes one of the merchant's vouchers; a second call answers the first revocation. */
    @Transactional
    Revocation revoke(UUID merchantId, UUID claimId, @Nullable String reason) {
        UUID dealId =
                ledger.dealOfOwnClaim(merchantId, claimId).orElseThrow(() -> new NotFoundException("Claim", claimId));
        ledger.lockMerchant(merchantId);
        ledger.insertOnce(merchantId, claimId, dealId, reason, now());
        return ledger.byClaim(claimId).orElseThrow();
    }

    /**
     * Revokes every voucher of the deal not yet redeemed, in the caller's transaction (the deal
     * must be the merchant's: the caller checked). Returns how many were revoked now.
     */
    @Transactional
    public int voidUnredeemed(UUID merchantId, UUID dealId) {
        ledger.lockMerchant(merchantId);
        return ledger.insertUnredeemed(merchantId, dealId, DEAL_CLOSED, now());
    }

    /** The voucher's revocation, if it has one (in the caller's transaction, if any). */
    public Optional<Revocation> of(UUID claimId) {
        return ledger.byClaim(claimId);
    }

    @Transactional(readOnly = true)
    RevocationPage after(UUID merchantId, String cursor, int limit) {
        long since = RevocationCursor.decode(cursor);
        List<RevocationLedger.Row> rows = ledger.after(merchantId, since, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<RevocationLedger.Row> page = hasMore ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? since : page.get(page.size() - 1).seq();
        return new RevocationPage(
                page.stream().map(RevocationLedger.Row::revocation).toList(), RevocationCursor.encode(last), hasMore);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
