package com.hyperlocal.flashsale.claim;

import java.time.ZoneOffset;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits a batch of claims for one deal in one transaction. The database alone makes it safe:
 * the deal row is locked ({@code FOR UPDATE}), the decrement is conditional, {@code remaining}
 * has a CHECK ≥ 0 and (deal, user) is UNIQUE — so even two writers whose Redis leases overlapped
 * cannot oversell or issue a second voucher.
 *
 * <p>Each granted claim gets its signed voucher here, inside the same transaction, so a claim row
 * never exists without its token: {@code mid} comes from the locked deal row, {@code exp} is the
 * deal's end ({@link VoucherIssuer#expiryFor}), and the whole batch is signed with one key.
 */
@Repository
class ClaimWriter {

    private final JdbcClient jdbc;
    private final VoucherIssuer vouchers;
    private final Counter signedAhead;
    private final Counter signedInBatch;

    ClaimWriter(JdbcClient jdbc, VoucherIssuer vouchers, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.vouchers = vouchers;
        // Where the ECDSA work happened: ahead (parallel, outside the locks) or in the batch (under them).
        this.signedAhead = Counter.builder("flashsale.vouchers.signed").tag("where", "ahead").register(meters);
        this.signedInBatch = Counter.builder("flashsale.vouchers.signed").tag("where", "batch").register(meters);
    }

    record DealState(UUID merchantId, int remaining, Instant validFrom, Instant validUntil) {
    }

    /** What a request thread needs to sign a voucher ahead: fixed for a deal unless it is closed early. */
    record DealTerms(UUID merchantId, Instant validFrom, Instant validUntil) {
    }

    record BatchResult(Map<PendingClaim, ClaimOutcome> outcomes, int remainingAfter, DealTerms terms) {
    }

    @Transactional
    BatchResult write(UUID dealId, List<PendingClaim> batch, Instant now) {
        Map<PendingClaim, ClaimOutcome> outcomes = new IdentityHashMap<>();
        Optional<DealState> deal = lockDeal(dealId);
        if (deal.isEmpty()) {
            batch.forEach(p -> outcomes.put(p, new ClaimOutcome.DealMissing()));
            return new BatchResult(outcomes, 0, null);
        }
        DealState state = deal.get();
        DealTerms terms = new DealTerms(state.merchantId(), state.validFrom(), state.validUntil());
        if (now.isBefore(state.validFrom()) || !now.isBefore(state.validUntil())) {
            batch.forEach(p -> outcomes.put(p, new ClaimOutcome.NotActive(state.validFrom(), state.validUntil())));
            return new BatchResult(outcomes, state.remaining(), terms);
        }
        Map<String, PendingClaim> firstByUser = new LinkedHashMap<>();
        batch.forEach(p -> firstByUser.putIfAbsent(p.userId(), p));
        Map<String, Claim> held = existingClaims(dealId, firstByUser.keySet());
        Map<String, Claim> granted = new HashMap<>();
        Map<UUID, String> kids = new HashMap<>();
        VoucherIssuer.Session signing = null;
        Instant expiresAt = VoucherIssuer.expiryFor(state.validUntil());
        for (PendingClaim first : firstByUser.values()) {
            String user = first.userId();
            if (held.containsKey(user) || granted.size() >= state.remaining()) {
                continue;
            }
            PreSigned ahead = first.preSigned();
            if (ahead != null && ahead.merchantId().equals(state.merchantId()) && ahead.expiresAt().equals(expiresAt)
                    && !ahead.claimedAt().isBefore(state.validFrom()) && !ahead.claimedAt().isAfter(now)) {
                granted.put(user, new Claim(ahead.claimId(), dealId, user, ahead.claimedAt(), ahead.token(), expiresAt));
                kids.put(ahead.claimId(), ahead.kid());
                signedAhead.increment();
            } else {
                signing = signing != null ? signing : vouchers.session();
                UUID id = UUID.randomUUID();
                String token = signing.sign(id, user, dealId, state.merchantId(), now, expiresAt);
                granted.put(user, new Claim(id, dealId, user, now, token, expiresAt));
                kids.put(id, signing.kid());
                signedInBatch.increment();
            }
        }
        insert(granted.values().stream().toList(), kids);
        decrement(dealId, granted.size());
        for (PendingClaim p : batch) {
            Claim fresh = granted.remove(p.userId());
            if (fresh != null) {
                outcomes.put(p, new ClaimOutcome.Granted(fresh));
                held.put(p.userId(), fresh);
            } else if (held.containsKey(p.userId())) {
                outcomes.put(p, new ClaimOutcome.AlreadyHeld(held.get(p.userId())));
            } else {
                outcomes.put(p, new ClaimOutcome.SoldOut());
            }
        }
        return new BatchResult(outcomes, state.remaining() - (int) outcomes.values().stream()
                .filter(ClaimOutcome.Granted.class::isInstance).count(), terms);
    }

    private Optional<DealState> lockDeal(UUID dealId) {
        return jdbc.sql("""
                        SELECT merchant_id, remaining_inventory, valid_from, valid_until FROM deals
                        WHERE id = :id FOR UPDATE
                        """)
                .param("id", dealId)
                .query((rs, n) -> new DealState(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    private Map<String, Claim> existingClaims(UUID dealId, Set<String> users) {
        Map<String, Claim> held = new HashMap<>();
        jdbc.sql("""
                        SELECT id, deal_id, user_id, claimed_at, voucher_token, voucher_expires_at FROM claims
                        WHERE deal_id = :deal AND user_id = ANY(:users)
                        """)
                .param("deal", dealId)
                .param("users", users.toArray(String[]::new))
                .query(ClaimQuery::row)
                .list()
                .forEach(c -> held.put(c.userId(), c));
        return held;
    }

    private void insert(List<Claim> claims, Map<UUID, String> kids) {
        if (claims.isEmpty()) {
            return;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO claims (id, deal_id, user_id, claimed_at, voucher_token, voucher_kid,
                                            voucher_expires_at)
                        SELECT t.id, :deal, t.user_id, t.claimed_at, t.token, t.kid, :exp
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:users AS varchar[]), CAST(:ats AS timestamptz[]),
                                    CAST(:tokens AS text[]), CAST(:kids AS varchar[]))
                             AS t(id, user_id, claimed_at, token, kid)
                        ON CONFLICT (deal_id, user_id) DO NOTHING
                        """)
                .param("deal", claims.get(0).dealId())
                .param("exp", claims.get(0).voucherExpiresAt().atOffset(ZoneOffset.UTC))
                .param("ids", claims.stream().map(c -> c.id().toString()).toArray(String[]::new))
                .param("users", claims.stream().map(Claim::userId).toArray(String[]::new))
                .param("ats", claims.stream().map(c -> c.claimedAt().toString()).toArray(String[]::new))
                .param("tokens", claims.stream().map(Claim::voucher).toArray(String[]::new))
                .param("kids", claims.stream().map(c -> kids.get(c.id())).toArray(String[]::new))
                .update();
        if (inserted != claims.size()) {
            // Only possible if another writer bypassed the row lock; roll everything back.
            throw new IllegalStateException("Concurrent claim detected for deal " + claims.get(0).dealId());
        }
    }

    private void decrement(UUID dealId, int units) {
        if (units == 0) {
            return;
        }
        int updated = jdbc.sql("""
                        UPDATE deals SET remaining_inventory = remaining_inventory - :units, updated_at = now()
                        WHERE id = :id AND remaining_inventory >= :units
                        """)
                .param("units", units)
                .param("id", dealId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Inventory of deal " + dealId + " changed under the row lock");
        }
    }
}
