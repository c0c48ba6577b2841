package com.hyperlocal.flashsale.claim;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A claim request waiting in a deal's lane; completed by whichever thread commits its batch. */
final class PendingClaim {

    private final String userId;
    private final Optional<PreSigned> preSigned;
    private final CompletableFuture<ClaimOutcome> result = new CompletableFuture<>();

    PendingClaim(String userId) {
        this(userId, Optional.empty());
    }

    PendingClaim(String userId, Optional<PreSigned> preSigned) {
        this.userId = userId;
        this.preSigned = preSigned;
    }

    String userId() {
        return userId;
    }

    /** The voucher signed ahead for this request, if any. */
    Optional<PreSigned> preSigned() {
        return preSigned;
    }

    boolean isDone() {
        return result.isDone();
    }

    void complete(ClaimOutcome outcome) {
        result.complete(outcome);
    }

    void fail(RuntimeException e) {
        result.completeExceptionally(e);
    }

    /** Waits at most {@code nanos}; false if the answer has not come by then. */
    boolean awaitDone(long nanos) throws InterruptedException {
        try {
            result.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // answered with a failure: done
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
        return true;
    }

    /**
     * The batch's answer, waiting at most {@code nanos}.
     *
     * @throws java.util.concurrent.TimeoutException if the batch has not answered by then
     */
    ClaimOutcome join(long nanos) throws java.util.concurrent.TimeoutException, InterruptedException {
        try {
            return result.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
