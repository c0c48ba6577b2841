package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.DomainException;
import com.hyperlocal.flashsale.web.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The claim's batch was sent to the database but its answer did not come in time (a frozen or
 * partitioned PostgreSQL): it may or may not have been committed. Retrying is safe: one claim per
 * user is a database constraint, so a retry either claims or names the claim that was recorded.
 */
final class ClaimOutcomeUnknownException extends DomainException {

    ClaimOutcomeUnknownException(UUID dealId, @Nullable Throwable cause) {
        super(
                "The database did not confirm the claim on deal " + dealId + " in time; it may have been recorded."
                        + " Retry: a retry returns the claim if it exists.",
                cause);
    }

    @Override
    public ProblemType type() {
        return ProblemType.CLAIM_OUTCOME_UNKNOWN;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("mayHaveBeenRecorded", true);
    }
}
