package com.hyperlocal.flashsale.infra;

/**
 * One feature's share of the warm-up before the instance reports ready: a call of its hot path
 * that changes nothing (a claim on a deal that does not exist, a trivial request), repeated by
 * {@link WarmUpRunner} so the JIT compiles that path before the first shopper arrives.
 */
public interface WarmUp {

    /** One round of the path; must leave no trace (no rows, no keys, no rate-limit use). */
    void exercise() throws Exception;
}
