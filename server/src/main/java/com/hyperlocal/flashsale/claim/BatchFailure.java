package com.hyperlocal.flashsale.claim;

import com.hyperlocal.flashsale.web.DependencyFailures;
import com.hyperlocal.flashsale.web.DependencyUnavailableException;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What a request in a failed batch is told. {@code claim_batch} is one autocommit statement, so:
 * no connection → nothing was sent, nothing written; the server cancelled the statement
 * ({@code statement_timeout}, SQLState 57014) → rolled back, nothing written; the connection
 * broke or timed out after the statement was sent → the commit may have happened, and the answer
 * says so. Anything else is a bug and stays a 500.
 */
final class BatchFailure {

    private static final String QUERY_CANCELED = "57014";

    private BatchFailure() {}

    static RuntimeException answerFor(UUID dealId, RuntimeException e) {
        if (!DependencyFailures.isUnavailable(e)) {
            return e;
        }
        if (nothingSent(e) || cancelledByServer(e)) {
            return new DependencyUnavailableException("The database", e);
        }
        return new ClaimOutcomeUnknownException(dealId, e);
    }

    private static boolean nothingSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean cancelledByServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
