package com.hyperlocal.flashsale.web;

import java.net.SocketException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells "a backing service is down" (answer 503, retry later) from a bug (500). The exception type
 * alone is not enough: a connection that dies mid-transaction surfaces as whatever failed last,
 * e.g. "unable to rollback", so the cause chain is searched for the connection-level reason.
 */
public final class DependencyFailures {

    private DependencyFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionFailureException
                    || t instanceof SocketException
                    || t instanceof TransactionSystemException
                    || t instanceof org.hibernate.TransactionException) {
                // The last two: commit or rollback itself failed, which means the connection is gone
                // (the pool then reports "Connection is closed" with no SQLState).
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true; // connection exception, or the server shutting down / starting up
            }
        }
        return false;
    }
}
