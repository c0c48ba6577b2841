package com.hyperlocal.flashsale.claim;

import java.time.ZoneOffset;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits a batch of claims for one deal in one transaction. The database alone makes it safe:
 * the deal row is locked ({@code FOR UPDATE}), the decrement is conditional, {@code remaining}
 * has a CHECK ≥ 0 and (deal, user) is UNIQUE — so even two writers whose Redis leases overlapped
 * cannot oversell or issue a second voucher.
 */
@Repository
class ClaimWriter {

    private final JdbcClient jdbc;

    ClaimWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record DealState(int remaining, Instant validFrom, Instant validUntil) {
    }

    record BatchResult(Map<PendingClaim, ClaimOutcome> outcomes, int remainingAfter) {
    }

    @Transactional
    BatchResult write(UUID dealId, List<PendingClaim> batch, Instant now) {
        Map<PendingClaim, ClaimOutcome> outcomes = new IdentityHashMap<>();
        Optional<DealState> deal = lockDeal(dealId);
        if (deal.isEmpty()) {
            batch.forEach(p -> outcomes.put(p, new ClaimOutcome.DealMissing()));
            return new BatchResult(outcomes, 0);
        }
        DealState state = deal.get();
        if (now.isBefore(state.validFrom()) || !now.isBefore(state.validUntil())) {
            batch.forEach(p -> outcomes.put(p, new ClaimOutcome.NotActive(state.validFrom(), state.validUntil())));
            return new BatchResult(outcomes, state.remaining());
        }
        Set<String> users = new LinkedHashSet<>();
        batch.forEach(p -> users.add(p.userId()));
        Map<String, Claim> held = existingClaims(dealId, users);
        Map<String, Claim> granted = new HashMap<>();
        for (String user : users) {
            if (!held.containsKey(user) && granted.size() < state.remaining()) {
                granted.put(user, new Claim(UUID.randomUUID(), dealId, user, now));
            }
        }
        insert(granted.values().stream().toList());
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
                .filter(ClaimOutcome.Granted.class::isInstance).count());
    }

    private Optional<DealState> lockDeal(UUID dealId) {
        return jdbc.sql("SELECT remaining_inventory, valid_from, valid_until FROM deals WHERE id = :id FOR UPDATE")
                .param("id", dealId)
                .query((rs, n) -> new DealState(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private Map<String, Claim> existingClaims(UUID dealId, Set<String> users) {
        Map<String, Claim> held = new HashMap<>();
        jdbc.sql("SELECT id, user_id, claimed_at FROM claims WHERE deal_id = :deal AND user_id = ANY(:users)")
                .param("deal", dealId)
                .param("users", users.toArray(String[]::new))
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), dealId, rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list()
                .forEach(c -> held.put(c.userId(), c));
        return held;
    }

    private void insert(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO claims (id, deal_id, user_id, claimed_at)
                        SELECT t.id, :deal, t.user_id, :at
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:users AS varchar[])) AS t(id, user_id)
                        ON CONFLICT (deal_id, user_id) DO NOTHING
                        """)
                .param("deal", claims.get(0).dealId())
                .param("at", claims.get(0).claimedAt().atOffset(ZoneOffset.UTC))
                .param("ids", claims.stream().map(c -> c.id().toString()).toArray(String[]::new))
                .param("users", claims.stream().map(Claim::userId).toArray(String[]::new))
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
