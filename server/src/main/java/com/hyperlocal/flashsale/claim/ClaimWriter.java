package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Commits a batch of claims for one deal with one call of the database function {@code claim_batch}
 * (migration V5): one round trip and one commit per batch. The database alone makes it safe: the
 * deal row is locked, the decrement is conditional, {@code remaining} has a CHECK ≥ 0 and
 * (deal, user) is UNIQUE — so even two writers whose Redis leases overlapped cannot oversell or
 * issue a second voucher.
 *
 * <p>Vouchers are signed before the call, for the deal terms the caller believes (usually signed
 * ahead in the request threads). If the locked row disagrees, nothing is written and the function
 * returns the real terms; the batch is signed again and retried, so a claim row never exists
 * without a token that matches its deal.
 */
@Repository
class ClaimWriter {

    private static final String CALL = """
            SELECT * FROM claim_batch(:deal, CAST(:merchant AS uuid), CAST(:from AS timestamptz),
                CAST(:until AS timestamptz), CAST(:exp AS timestamptz), :now, CAST(:ids AS uuid[]),
                CAST(:users AS varchar[]), CAST(:ats AS timestamptz[]), CAST(:tokens AS text[]),
                CAST(:kids AS varchar[]))
            """;
    /** Terms change only when a deal is closed early; a third disagreement in one batch is a bug. */
    private static final int MAX_CALLS = 3;

    private final JdbcClient jdbc;
    private final VoucherIssuer vouchers;
    private final Counter signedAhead;
    private final Counter signedInBatch;

    ClaimWriter(JdbcClient jdbc, VoucherIssuer vouchers, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.vouchers = vouchers;
        // Where the ECDSA work happened: ahead (parallel, outside the locks) or in the batch (under them).
        this.signedAhead = Counter.builder("flashsale.vouchers.signed")
                .tag("where", "ahead")
                .register(meters);
        this.signedInBatch = Counter.builder("flashsale.vouchers.signed")
                .tag("where", "batch")
                .register(meters);
    }

    /** What a request thread needs to sign a voucher ahead: fixed for a deal unless it is closed early. */
    record DealTerms(UUID merchantId, Instant validFrom, Instant validUntil) {}

    record BatchResult(
            Map<PendingClaim, ClaimOutcome> outcomes,
            int remainingAfter,
            @Nullable DealTerms terms) {}

    /** One row of {@code claim_batch}: the deal's row carries terms and remaining, a claim's row the rest. */
    private record Row(
            String status,
            @Nullable String userId,
            @Nullable UUID claimId,
            @Nullable Instant claimedAt,
            @Nullable String token,
            @Nullable Instant expiresAt,
            @Nullable DealTerms terms,
            @Nullable Integer remaining) {

        String claimant() {
            return Objects.requireNonNull(userId, "a claim row names its user");
        }

        int left() {
            return Objects.requireNonNull(remaining, "the deal row of an existing deal carries its remaining count");
        }
    }

    BatchResult write(UUID dealId, List<PendingClaim> batch, Instant now) {
        return write(dealId, batch, now, null);
    }

    /** @param believed the deal's terms as last seen, or null if unknown (costs one extra round trip) */
    BatchResult write(UUID dealId, List<PendingClaim> batch, Instant now, @Nullable DealTerms believed) {
        DealTerms terms = believed;
        for (int call = 1; ; call++) {
            Signed signed = terms == null ? new Signed(Map.of(), Map.of(), Set.of()) : sign(dealId, batch, now, terms);
            List<Row> rows = call(dealId, terms, now, signed);
            Row deal = rows.stream()
                    .filter(r -> !r.status().equals("GRANTED") && !r.status().equals("HELD"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("claim_batch returned no deal row"));
            Map<PendingClaim, ClaimOutcome> outcomes = new IdentityHashMap<>();
            switch (deal.status()) {
                case "MISSING" -> {
                    batch.forEach(p -> outcomes.put(p, new ClaimOutcome.DealMissing()));
                    return new BatchResult(outcomes, 0, null);
                }
                case "NOT_ACTIVE" -> {
                    DealTerms actual = Objects.requireNonNull(deal.terms(), "a not-active deal row carries its terms");
                    batch.forEach(
                            p -> outcomes.put(p, new ClaimOutcome.NotActive(actual.validFrom(), actual.validUntil())));
                    return new BatchResult(outcomes, deal.left(), actual);
                }
                case "TERMS" -> {
                    if (call >= MAX_CALLS) {
                        throw new IllegalStateException("Terms of deal " + dealId + " changed during every attempt");
                    }
                    terms = deal.terms();
                }
                default -> {
                    return answer(dealId, batch, rows, signed, deal.left(), terms);
                }
            }
        }
    }

    /** The claims to insert: each user's first request, with its voucher signed for {@code terms}. */
    private record Signed(Map<String, Claim> claims, Map<UUID, String> kids, Set<UUID> signedInBatch) {}

    private Signed sign(UUID dealId, List<PendingClaim> batch, Instant now, DealTerms terms) {
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

    private BatchResult answer(
            UUID dealId,
            List<PendingClaim> batch,
            List<Row> rows,
            Signed signed,
            int remaining,
            @Nullable DealTerms terms) {
        Map<String, Claim> held = new HashMap<>();
        Set<String> granted = new HashSet<>();
        for (Row row : rows) {
            if (row.status().equals("GRANTED")) {
                held.put(
                        row.claimant(),
                        Objects.requireNonNull(
                                signed.claims().get(row.claimant()), "a granted row is a claim this batch sent"));
                granted.add(row.claimant());
                (signed.signedInBatch().contains(row.claimId()) ? signedInBatch : signedAhead).increment();
            } else if (row.status().equals("HELD")) {
                held.put(
                        row.claimant(),
                        new Claim(
                                Objects.requireNonNull(row.claimId(), "a held row names its claim"),
                                dealId,
                                row.claimant(),
                                Objects.requireNonNull(row.claimedAt(), "a held row has its time"),
                                row.token(),
                                row.expiresAt()));
            }
        }
        Map<PendingClaim, ClaimOutcome> outcomes = new IdentityHashMap<>();
        for (PendingClaim p : batch) {
            Claim claim = held.get(p.userId());
            boolean fresh = granted.remove(p.userId()); // a user's first request gets the grant, any repeat "already"
            outcomes.put(
                    p,
                    claim == null
                            ? new ClaimOutcome.SoldOut()
                            : fresh ? new ClaimOutcome.Granted(claim) : new ClaimOutcome.AlreadyHeld(claim));
        }
        return new BatchResult(outcomes, remaining, terms);
    }

    private List<Row> call(UUID dealId, @Nullable DealTerms terms, Instant now, Signed signed) {
        List<Claim> list = new ArrayList<>(signed.claims().values());
        return jdbc.sql(CALL)
                .param("deal", dealId)
                .param("merchant", terms == null ? null : terms.merchantId())
                .param("from", terms == null ? null : utc(terms.validFrom()))
                .param("until", terms == null ? null : utc(terms.validUntil()))
                .param("exp", terms == null ? null : utc(VoucherIssuer.expiryFor(terms.validUntil())))
                .param("now", utc(now))
                .param("ids", list.stream().map(c -> c.id().toString()).toArray(String[]::new))
                .param("users", list.stream().map(Claim::userId).toArray(String[]::new))
                .param("ats", list.stream().map(c -> c.claimedAt().toString()).toArray(String[]::new))
                .param("tokens", list.stream().map(Claim::voucher).toArray(String[]::new))
                .param("kids", list.stream().map(c -> signed.kids().get(c.id())).toArray(String[]::new))
                .query(ClaimWriter::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID merchant = rs.getObject("merchant_id", UUID.class);
        DealTerms terms = merchant == null
                ? null
                : new DealTerms(
                        merchant, present(rs.getTimestamp("valid_from")), present(rs.getTimestamp("valid_until")));
        int left = rs.getInt("remaining");
        Integer remaining = rs.wasNull() ? null : left;
        return new Row(
                rs.getString("status"),
                rs.getString("user_id"),
                rs.getObject("claim_id", UUID.class),
                instant(rs.getTimestamp("claimed_at")),
                rs.getString("voucher_token"),
                instant(rs.getTimestamp("voucher_expires_at")),
                terms,
                remaining);
    }

    private static Instant present(@Nullable Timestamp t) {
        return Objects.requireNonNull(instant(t), "a deal has its validity");
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
