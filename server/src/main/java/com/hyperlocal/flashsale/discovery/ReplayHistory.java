package com.hyperlocal.flashsale.discovery;

/**
 * The primary's WAL position sampled over time, to turn a standby's replay position into a time:
 * a standby that has replayed up to LSN {@code r} holds everything the primary had committed at
 * the last sample whose position was at most {@code r}. So its staleness is at most
 * {@code now − that sample's time}, whether or not the primary is writing (unlike
 * {@code now() − pg_last_xact_replay_timestamp()}, which grows on an idle primary). Bounded: the
 * oldest sample is dropped once the ring is full. Not thread-safe; the probe thread owns it.
 */
final class ReplayHistory {

    private final long[] nanos;
    private final long[] lsns;
    private int next;
    private int size;

    ReplayHistory(int capacity) {
        nanos = new long[capacity];
        lsns = new long[capacity];
    }

    void add(long atNanos, long primaryLsn) {
        nanos[next] = atNanos;
        lsns[next] = primaryLsn;
        next = (next + 1) % nanos.length;
        size = Math.min(size + 1, nanos.length);
    }

    /** The time of the oldest sample held; only meaningful once one was added. */
    long oldest() {
        return nanos[size < nanos.length ? 0 : next];
    }

    /**
     * The time ({@link System#nanoTime}) of the newest sample the standby has fully replayed, or
     * {@code Long.MIN_VALUE} if it is behind every sample held (further behind than the history).
     */
    long caughtUpTo(long replayLsn) {
        for (int i = 1; i <= size; i++) {
            int at = Math.floorMod(next - i, nanos.length);
            if (lsns[at] <= replayLsn) {
                return nanos[at];
            }
        }
        return Long.MIN_VALUE;
    }
}
