package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The claims a batch sends for one deal: each user's first request, with its voucher signed for the
 * deal terms the batch believes — reusing the voucher signed ahead in the request's thread when it
 * was signed for those terms, signing afresh otherwise. Unknown terms, or a deal that has not
 * started or has ended, send no claim (the database answers with the real terms or "not active").
 */
final class BatchSigner {

    /** What one deal's share of a batch sends; {@code signedInBatch} are the claims signed here. */
    record Signed(Map<String, Claim> claims, Map<UUID, String> kids, Set<UUID> signedInBatch) {

        static final Signed NOTHING = new Signed(Map.of(), Map.of(), Set.of());
    }

    private final VoucherIssuer vouchers;

    BatchSigner(VoucherIssuer vouchers) {
        this.vouchers = vouchers;
    }

    Signed sign(UUID dealId, List<PendingClaim> batch, Instant now, ClaimWriter.@Nullable DealTerms terms) {
        if (terms == null || now.isBefore(terms.validFrom()) || !now.isBefore(terms.validUntil())) {
            return Signed.NOTHING; // unknown terms, or a deal not active now: the database answers which
        }
        Map<String, Claim> claims = new LinkedHashMap<>();
        Map<UUID, String> kids = new HashMap<>();
        Set<UUID> inBatch = new HashSet<>();
        Instant expiresAt = VoucherIssuer.expiryFor(terms.validUntil());
        VoucherIssuer.@Nullable Session session = null;
        for (PendingClaim p : batch) {
            if (claims.containsKey(p.userId())) {
                continue;
            }
            Optional<PreSigned> stillValid = p.preSigned()
                    .filter(ahead -> ahead.merchantId().equals(terms.merchantId())
                            && ahead.expiresAt().equals(expiresAt)
                            && !ahead.claimedAt().isBefore(terms.validFrom())
                            && !ahead.claimedAt().isAfter(now));
            if (stillValid.isPresent()) {
                PreSigned ahead = stillValid.get();
                claims.put(
                        p.userId(),
                        new Claim(ahead.claimId(), dealId, p.userId(), ahead.claimedAt(), ahead.token(), expiresAt));
                kids.put(ahead.claimId(), ahead.kid());
            } else {
                session = session != null ? session : vouchers.session();
                UUID id = UUID.randomUUID();
                String token = session.sign(id, p.userId(), dealId, terms.merchantId(), now, expiresAt);
                claims.put(p.userId(), new Claim(id, dealId, p.userId(), now, token, expiresAt));
                kids.put(id, session.kid());
                inBatch.add(id);
            }
        }
        return new Signed(claims, kids, inBatch);
    }
}
