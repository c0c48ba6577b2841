package com.hyperlocal.flashsale.discovery;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Discovery on a streaming replica, with the primary as fallback. A background probe compares the
 * replica's replay position with the primary's WAL position ({@link ReplayHistory}) every
 * {@code probe-interval}; a read goes to the replica only while it was last seen caught up to a
 * moment at most {@code max-lag} ago. So a stalled probe, a paused replay or a replica far behind
 * all lead to the primary, and a replica that fails a statement is skipped until the next probe
 * succeeds (that statement is answered by the primary: never a 5xx because of the replica).
 *
 * <p>Meters: {@code flashsale.discovery.replica.lag} (seconds the replica's data may be behind,
 * NaN while it is unreachable), {@code flashsale.discovery.replica.in.use} (1 while searches read
 * it) and {@code flashsale.discovery.reads} by {@code target} and {@code reason}.
 */
final class ReplicaReads implements DiscoveryReads, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaReads.class);
    private static final String PRIMARY_LSN = "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";
    private static final String REPLAY_LSN =
            "SELECT pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

    /** Why a read went where it went. */
    enum Reason {
        FRESH("fresh"),
        LAG("lag"),
        DOWN("down"),
        CHANGED("changed"),
        ERROR("error");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final JdbcClient primary;
    private final JdbcClient replica;
    private final AutoCloseable pool;
    private final long maxLagNanos;
    private final long probeMillis;
    private final ReplayHistory history;
    private final Map<Reason, Counter> reads = new EnumMap<>(Reason.class);
    private final ScheduledExecutorService probe =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("discovery-replica-probe"));

    /** Set by a failed probe or statement, cleared by a successful probe. */
    private volatile boolean down;
    /** The replica holds everything the primary had committed at this {@link System#nanoTime}. */
    private volatile long caughtUpAt = Long.MIN_VALUE;
    /** The oldest sample held, for a replica behind all of them: its lag is at least now minus this. */
    private volatile long oldestSample = Long.MIN_VALUE;

    private volatile long changedAt = System.nanoTime();
    private volatile Reason lastState = Reason.FRESH;

    ReplicaReads(
            JdbcClient primary,
            JdbcClient replica,
            AutoCloseable pool,
            DiscoveryReplicaProperties properties,
            MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.pool = pool;
        this.maxLagNanos = properties.maxLag().toNanos();
        this.probeMillis = properties.probeInterval().toMillis();
        // Enough samples to tell any lag up to twice the bound; beyond, the gauge shows a lower bound.
        this.history = new ReplayHistory((int) Math.min(10_000, 2 * maxLagNanos / (probeMillis * 1_000_000) + 4));
        for (Reason reason : Reason.values()) {
            reads.put(
                    reason,
                    Counter.builder("flashsale.discovery.reads")
                            .tag("target", reason == Reason.FRESH ? "replica" : "primary")
                            .tag("reason", reason.tag)
                            .description("Discovery statements by where they ran and why")
                            .register(meters));
        }
        Gauge.builder("flashsale.discovery.replica.lag", this, ReplicaReads::lagSeconds)
                .baseUnit("seconds")
                .description("How far the replica's data may be behind the primary; NaN while unreachable")
                .register(meters);
        Gauge.builder("flashsale.discovery.replica.in.use", this, r -> r.state(false) == Reason.FRESH ? 1 : 0)
                .description("1 while discovery searches read the replica, 0 while they fall back to the primary")
                .register(meters);
    }

    void start() {
        probe.scheduleWithFixedDelay(this::probe, 0, probeMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> T query(Function<JdbcClient, T> statement) {
        return read(statement, false);
    }

    @Override
    public <T> T queryTile(Function<JdbcClient, T> statement) {
        return read(statement, true);
    }

    @Override
    public void listingChanged() {
        changedAt = System.nanoTime();
    }

    private Counter counter(Reason reason) {
        return Objects.requireNonNull(reads.get(reason), "the constructor registers a counter per reason");
    }

    private <T> T read(Function<JdbcClient, T> statement, boolean tile) {
        Reason reason = state(tile);
        if (reason == Reason.FRESH) {
            try {
                T result = statement.apply(replica);
                counter(Reason.FRESH).increment();
                return result;
            } catch (DataAccessException e) {
                down = true;
                reason = Reason.ERROR;
                log.warn(
                        "Discovery replica failed a statement, reading the primary until it answers again: {}",
                        e.toString());
            }
        }
        counter(reason).increment();
        return statement.apply(primary);
    }

    private Reason state(boolean tile) {
        long caught = caughtUpAt;
        if (down) {
            return Reason.DOWN;
        }
        if (caught == Long.MIN_VALUE || System.nanoTime() - caught > maxLagNanos) {
            return Reason.LAG;
        }
        return tile && caught - changedAt < 0 ? Reason.CHANGED : Reason.FRESH;
    }

    /** One comparison of positions; the primary's first, so "replayed at least that" means caught up at t. */
    void probe() {
        long t = System.nanoTime();
        long primaryLsn;
        try {
            primaryLsn = primary.sql(PRIMARY_LSN).query(Long.class).single();
        } catch (RuntimeException e) {
            return; // nothing to compare with; discovery on the primary fails on its own
        }
        history.add(t, primaryLsn);
        try {
            Object[] row = replica.sql(REPLAY_LSN)
                    .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getObject(2, Long.class)})
                    .single();
            if (!Boolean.TRUE.equals(row[0]) || row[1] == null) {
                markDown("it is not a standby in recovery");
                return;
            }
            long replayed = (Long) row[1];
            long caught = replayed >= primaryLsn ? t : history.caughtUpTo(replayed);
            caughtUpAt = caught;
            oldestSample = history.oldest();
            down = false;
        } catch (RuntimeException e) {
            markDown(e.toString());
        }
        logTransition();
    }

    /** Live, like the decision: how far behind the replica's data may be now (NaN while unreachable). */
    private double lagSeconds() {
        long caught = caughtUpAt;
        long since = caught == Long.MIN_VALUE ? oldestSample : caught;
        return down || since == Long.MIN_VALUE ? Double.NaN : (System.nanoTime() - since) / 1e9;
    }

    private void markDown(String why) {
        down = true;
        if (lastState != Reason.DOWN) {
            log.warn("Discovery replica unusable, searches read the primary: {}", why);
            lastState = Reason.DOWN;
        }
    }

    private void logTransition() {
        Reason now = state(false);
        if (now != lastState) {
            if (now == Reason.FRESH) {
                log.info("Discovery reads the replica again (lag {} s)", lagSeconds());
            } else {
                log.warn("Discovery replica lags {} s, more than the bound; searches read the primary", lagSeconds());
            }
            lastState = now;
        }
    }

    @Override
    public void close() throws Exception {
        probe.shutdownNow();
        pool.close();
    }
}
