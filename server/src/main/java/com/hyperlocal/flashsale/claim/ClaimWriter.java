package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.voucher.VoucherIssuer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Commits batches of claims with one call of a database function: {@code claim_batch} (V5) for one
 * deal, {@code claim_batches} (V60) for many deals at once — one round trip and one commit either
 * way. The database alone makes it safe: each deal row is locked (many deals in a fixed order), the
 * decrement is conditional, {@code remaining} has a CHECK ≥ 0 and (deal, user) is UNIQUE — so even
 * two writers whose Redis leases overlapped cannot oversell or issue a second voucher.
 *
 * <p>Vouchers are signed before the call, for the deal terms the caller believes (usually signed
 * ahead in the request threads). If a locked row disagrees, nothing is written for that deal and the
 * function returns the real terms; that deal is signed again and retried, so a claim row never
 * exists without a token that matches its deal.
 */
@Repository
class ClaimWriter {

    private static final String CALL = """
            SELECT * FROM claim_batch(:deal, CAST(:merchant AS uuid), CAST(:from AS timestamptz),
                CAST(:until AS timestamptz), CAST(:exp AS timestamptz), :now, CAST(:ids AS uuid[]),
                CAST(:users AS varchar[]), CAST(:ats AS timestamptz[]), CAST(:tokens AS text[]),
                CAST(:kids AS varchar[]))
            """;
    private static final String CALL_ALL = """
            SELECT * FROM claim_batches(CAST(:deals AS uuid[]), CAST(:merchants AS uuid[]),
                CAST(:froms AS timestamptz[]), CAST(:untils AS timestamptz[]), CAST(:exps AS timestamptz[]), :now,
                CAST(:ends AS integer[]), CAST(:ids AS uuid[]), CAST(:users AS varchar[]),
                CAST(:ats AS timestamptz[]), CAST(:tokens AS text[]), CAST(:kids AS varchar[]))
            """;
    /** Terms change only when a deal is closed early; a third disagreement in one batch is a bug. */
    private static final int MAX_CALLS = 3;
    /** PostgreSQL orders uuids by their bytes, which is the order of their lowercase text. */
    static final Comparator<UUID> DATABASE_ORDER = Comparator.comparing(UUID::toString);

    private final JdbcClient jdbc;
    private final BatchSigner signer;
    private final Counter signedAhead;
    private final Counter signedInBatch;

    ClaimWriter(JdbcClient jdbc, VoucherIssuer vouchers, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.signer = new BatchSigner(vouchers);
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

    /** One deal's share of a batch over many deals; {@code believed} null if its terms are unknown. */
    record DealBatch(
            UUID dealId,
            List<PendingClaim> claims,
            @Nullable DealTerms believed) {}

    /** How one deal of a batch over many deals ended. */
    sealed interface DealWrite {

        record Written(BatchResult result) implements DealWrite {}

        /** A re-signed retry of this deal failed after the first call had committed the others. */
        record Failed(RuntimeException cause) implements DealWrite {}
    }

    BatchResult write(UUID dealId, List<PendingClaim> batch, Instant now) {
        return write(dealId, batch, now, null);
    }

    /** @param believed the deal's terms as last seen, or null if unknown (costs one extra round trip) */
    BatchResult write(UUID dealId, List<PendingClaim> batch, Instant now, @Nullable DealTerms believed) {
        DealTerms terms = believed;
        for (int call = 1; ; call++) {
            BatchSigner.Signed signed = signer.sign(dealId, batch, now, terms);
            List<BatchRow> rows = callOne(dealId, terms, now, signed);
            switch (BatchAnswers.judge(dealId, batch, rows, signed, terms)) {
                case BatchAnswers.Verdict.Answered(BatchResult result) -> {
                    count(result, signed);
                    return result;
                }
                case BatchAnswers.Verdict.Resign(DealTerms actual) -> {
                    if (call >= MAX_CALLS) {
                        throw new IllegalStateException("Terms of deal " + dealId + " changed during every attempt");
                    }
                    terms = actual;
                }
            }
        }
    }

    /**
     * Commits the claims of many deals in one statement.
     *
     * @throws RuntimeException only if the first call fails, in which case nothing was written
     */
    Map<UUID, DealWrite> writeAll(List<DealBatch> deals, Instant now) {
        Map<UUID, DealWrite> results = new HashMap<>();
        List<DealBatch> pending = new ArrayList<>(deals);
        pending.sort(Comparator.comparing(DealBatch::dealId, DATABASE_ORDER));
        for (int call = 1; !pending.isEmpty(); call++) {
            List<DealBatch> again = new ArrayList<>();
            try {
                Map<UUID, BatchSigner.Signed> signed = new LinkedHashMap<>();
                pending.forEach(d -> signed.put(d.dealId(), signer.sign(d.dealId(), d.claims(), now, d.believed())));
                Map<UUID, List<BatchRow>> rows = callAll(pending, now, signed);
                for (DealBatch d : pending) {
                    BatchSigner.Signed mine = Objects.requireNonNull(signed.get(d.dealId()));
                    switch (BatchAnswers.judge(
                            d.dealId(), d.claims(), rows.getOrDefault(d.dealId(), List.of()), mine, d.believed())) {
                        case BatchAnswers.Verdict.Answered(BatchResult result) -> {
                            count(result, mine);
                            results.put(d.dealId(), new DealWrite.Written(result));
                        }
                        case BatchAnswers.Verdict.Resign(DealTerms actual) ->
                            again.add(new DealBatch(d.dealId(), d.claims(), actual));
                    }
                }
            } catch (RuntimeException e) {
                if (call == 1) {
                    throw e; // the statement failed: nothing written for any deal
                }
                pending.forEach(d -> results.put(d.dealId(), new DealWrite.Failed(e)));
                return results;
            }
            if (call >= MAX_CALLS && !again.isEmpty()) {
                IllegalStateException bug = new IllegalStateException("Terms changed during every attempt");
                again.forEach(d -> results.put(d.dealId(), new DealWrite.Failed(bug)));
                return results;
            }
            pending = again;
        }
        return results;
    }

    private void count(BatchResult result, BatchSigner.Signed signed) {
        for (ClaimOutcome outcome : result.outcomes().values()) {
            if (outcome instanceof ClaimOutcome.Granted(Claim claim)) {
                (signed.signedInBatch().contains(claim.id()) ? signedInBatch : signedAhead).increment();
            }
        }
    }

    private List<BatchRow> callOne(UUID dealId, @Nullable DealTerms terms, Instant now, BatchSigner.Signed signed) {
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
                .query((rs, n) -> BatchRow.of(rs, false))
                .list();
    }

    private Map<UUID, List<BatchRow>> callAll(
            List<DealBatch> deals, Instant now, Map<UUID, BatchSigner.Signed> signed) {
        List<Claim> claims = new ArrayList<>();
        List<String> kids = new ArrayList<>();
        Integer[] ends = new Integer[deals.size()];
        @Nullable String[] merchants = new String[deals.size()];
        @Nullable String[] froms = new String[deals.size()];
        @Nullable String[] untils = new String[deals.size()];
        @Nullable String[] exps = new String[deals.size()];
        for (int i = 0; i < deals.size(); i++) {
            DealBatch d = deals.get(i);
            BatchSigner.Signed mine = Objects.requireNonNull(signed.get(d.dealId()));
            for (Claim c : mine.claims().values()) {
                claims.add(c);
                kids.add(mine.kids().get(c.id()));
            }
            ends[i] = claims.size();
            DealTerms t = d.believed();
            merchants[i] = t == null ? null : t.merchantId().toString();
            froms[i] = t == null ? null : t.validFrom().toString();
            untils[i] = t == null ? null : t.validUntil().toString();
            exps[i] = t == null ? null : VoucherIssuer.expiryFor(t.validUntil()).toString();
        }
        Map<UUID, List<BatchRow>> byDeal = new HashMap<>();
        jdbc.sql(CALL_ALL)
                .param("deals", deals.stream().map(d -> d.dealId().toString()).toArray(String[]::new))
                .param("merchants", merchants)
                .param("froms", froms)
                .param("untils", untils)
                .param("exps", exps)
                .param("now", utc(now))
                .param("ends", ends)
                .param("ids", claims.stream().map(c -> c.id().toString()).toArray(String[]::new))
                .param("users", claims.stream().map(Claim::userId).toArray(String[]::new))
                .param("ats", claims.stream().map(c -> c.claimedAt().toString()).toArray(String[]::new))
                .param("tokens", claims.stream().map(Claim::voucher).toArray(String[]::new))
                .param("kids", kids.toArray(String[]::new))
                .query((rs, n) -> BatchRow.of(rs, true))
                .list()
                .forEach(row -> byDeal.computeIfAbsent(Objects.requireNonNull(row.dealId()), k -> new ArrayList<>())
                        .add(row));
        return byDeal;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
