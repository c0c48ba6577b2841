package com.hyperlocal.flashsale.ratelimit;

import com.hyperlocal.flashsale.web.RateLimitedException;

/** The answer of one bucket: allowed, or refused with what the 429 must say. */
public sealed interface Verdict {

    record Allowed() implements Verdict {}

    record Refused(RateLimitedException problem) implements Verdict {}

    Allowed ALLOWED = new Allowed();
}
