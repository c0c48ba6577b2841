package com.hyperlocal.flashsale.claim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads one deal's rows of a batch call into an answer for each of its requests. */
final class BatchAnswers {

    /** Either every request of the deal is answered, or nothing was written and the batch must sign again. */
    sealed interface Verdict {

        record Answered(ClaimWriter.BatchResult result) implements Verdict {}

        record Resign(ClaimWriter.DealTerms actual) implements Verdict {}
    }

    private BatchAnswers() {}

    static Verdict judge(
            UUID dealId,
            List<PendingClaim> batch,
            List<BatchRow> rows,
            BatchSigner.Signed signed,
            ClaimWriter.@Nullable DealTerms terms) {
        BatchRow deal = rows.stream()
                .filter(r -> !r.isClaim())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("claim_batch returned no deal row for " + dealId));
        Map<PendingClaim, ClaimOutcome> outcomes = new IdentityHashMap<>();
        switch (deal.status()) {
            case "MISSING" -> {
                batch.forEach(p -> outcomes.put(p, new ClaimOutcome.DealMissing()));
                return new Verdict.Answered(new ClaimWriter.BatchResult(outcomes, 0, null));
            }
            case "NOT_ACTIVE" -> {
                ClaimWriter.DealTerms actual =
                        Objects.requireNonNull(deal.terms(), "a not-active deal row carries its terms");
                batch.forEach(
                        p -> outcomes.put(p, new ClaimOutcome.NotActive(actual.validFrom(), actual.validUntil())));
                return new Verdict.Answered(new ClaimWriter.BatchResult(outcomes, deal.left(), actual));
            }
            case "TERMS" -> {
                return new Verdict.Resign(Objects.requireNonNull(deal.terms(), "a terms row carries the terms"));
            }
            default -> {
                return new Verdict.Answered(answer(dealId, batch, rows, signed, deal.left(), terms));
            }
        }
    }

    private static ClaimWriter.BatchResult answer(
            UUID dealId,
            List<PendingClaim> batch,
            List<BatchRow> rows,
            BatchSigner.Signed signed,
            int remaining,
            ClaimWriter.@Nullable DealTerms terms) {
        Map<String, Claim> held = new HashMap<>();
        Set<String> granted = new HashSet<>();
        for (BatchRow row : rows) {
            if (row.status().equals("GRANTED")) {
                held.put(
                        row.claimant(),
                        Objects.requireNonNull(
                                signed.claims().get(row.claimant()), "a granted row is a claim this batch sent"));
                granted.add(row.claimant());
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
        return new ClaimWriter.BatchResult(outcomes, remaining, terms);
    }
}
