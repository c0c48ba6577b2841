package com.hyperlocal.flashsale.events;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the broker, oldest first, then marks them — in one database transaction
 * that holds an advisory lock, so exactly one relay (across all instances) is active and a deal's
 * events leave in seq order. Publication waits for the broker's confirms before marking: a crash
 * between the two republishes the rows (at least once; consumers deduplicate by event id). A failed
 * publication rolls back, stops the batch at the first unconfirmed row and retries with
 * exponential backoff, so a broker outage only makes rows wait.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    /** Runs between publication and marking; the tests use it to kill the relay there. */
    interface AfterPublish {
        AfterPublish NONE = events -> {};

        void published(List<OutboxEvent> events);
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final RabbitTemplate rabbit;
    private final TransactionTemplate tx;
    private final EventsProperties props;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private volatile @Nullable Thread worker;
    private long lastPurge;

    OutboxRelay(
            Outbox outbox,
            RabbitTemplate rabbit,
            TransactionTemplate tx,
            EventsProperties props,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.rabbit = rabbit;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
        this.published = Counter.builder("flashsale.events.published").register(meters);
        this.failures = Counter.builder("flashsale.events.publish.failures").register(meters);
        meters.gauge("flashsale.events.outbox.pending", outbox, o -> o.pendingCount());
    }

    /** One relay transaction: publishes up to {@code relayBatch} rows; returns how many, 0 if idle or not the leader. */
    int relayOnce(AfterPublish afterPublish) {
        Integer n = tx.execute(status -> {
            if (!outbox.tryRelayLock()) {
                return 0;
            }
            List<OutboxEvent> events = outbox.pending(props.relayBatch());
            if (events.isEmpty()) {
                return 0;
            }
            rabbit.invoke(ops -> {
                for (OutboxEvent event : events) {
                    ops.send(props.exchange(), event.routingKey(), message(event));
                }
                ops.waitForConfirmsOrDie(props.confirmTimeout().toMillis());
                return null;
            });
            afterPublish.published(events);
            outbox.markPublished(events, clock.instant());
            return events.size();
        });
        published.increment(n == null ? 0 : n);
        return n == null ? 0 : n;
    }

    static Message message(OutboxEvent event) {
        return MessageBuilder.withBody(event.envelope().getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setContentEncoding("utf-8")
                .setMessageId(event.eventId().toString())
                .setType(event.type())
                .setTimestamp(Date.from(event.occurredAt()))
                .setHeader("x-seq", event.seq())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }

    private void run() {
        int failed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int n = relayOnce(AfterPublish.NONE);
                if (failed > 0) {
                    log.info("Event relay publishing again after {} failed attempts", failed);
                }
                failed = 0;
                purgeNowAndThen();
                if (n < props.relayBatch()) {
                    Thread.sleep(props.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failed++;
                failures.increment();
                if (failed == 1 || failed % 20 == 0) {
                    log.warn(
                            "Event relay could not publish (attempt {}), events wait in the outbox: {}",
                            failed,
                            e.toString());
                }
                if (!pause(backoff(failed))) {
                    return;
                }
            }
        }
    }

    Duration backoff(int failedAttempts) {
        long min = props.backoffMin().toMillis();
        long millis = min << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, props.backoffMax().toMillis()));
    }

    private void purgeNowAndThen() {
        long now = System.nanoTime();
        if (now - lastPurge > Duration.ofMinutes(10).toNanos()) {
            lastPurge = now;
            outbox.purgePublishedBefore(clock.instant().minus(props.retention()));
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (props.relayEnabled() && worker == null) {
            lastPurge = System.nanoTime();
            worker = DaemonThreads.start("outbox-relay", this::run);
        }
    }

    @Override
    public synchronized void stop() {
        Thread w = worker;
        worker = null;
        if (w != null) {
            w.interrupt();
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
