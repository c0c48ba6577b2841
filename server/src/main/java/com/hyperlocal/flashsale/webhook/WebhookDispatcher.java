package com.hyperlocal.flashsale.webhook;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries to merchant endpoints from a bounded pool of its own threads, with connect and
 * request timeouts: a slow or dead endpoint ties up at most {@code concurrency} of these threads and
 * nothing else (claims never wait for a webhook). A failure is retried after
 * {@link WebhookProperties#retryAfter} (exponential); once the next try would fall outside the retry
 * window the delivery is parked and stays visible to the merchant.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    /** The result of one attempt. */
    sealed interface Attempt {
        record Delivered(int httpStatus) implements Attempt {}

        record Failed(@Nullable Integer httpStatus, String error, boolean parked) implements Attempt {}
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookProperties props;
    private final Clock clock;
    private final HttpClient http;
    private final Semaphore slots;
    private final Counter delivered;
    private final Counter failed;
    private final Counter parked;
    private @Nullable ExecutorService pool;
    private volatile @Nullable Thread poller;

    WebhookDispatcher(
            WebhookStore store, WebhookSecrets secrets, WebhookProperties props, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.secrets = secrets;
        this.props = props;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(props.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.slots = new Semaphore(props.concurrency());
        this.delivered = Counter.builder("flashsale.webhooks.deliveries")
                .tag("result", "delivered")
                .register(meters);
        this.failed = Counter.builder("flashsale.webhooks.deliveries")
                .tag("result", "failed")
                .register(meters);
        this.parked = Counter.builder("flashsale.webhooks.deliveries")
                .tag("result", "parked")
                .register(meters);
    }

    /** One attempt; with {@code retry} false a failure parks at once (the merchant's test ping). */
    Attempt attempt(WebhookStore.Due due, boolean retry) {
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(props.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "flashsale-webhooks/1")
                    .header(WebhookSignature.EVENT_ID_HEADER, due.eventId().toString())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, due.eventType())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(secrets.decrypt(due.secretEncrypted()), timestamp, due.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.body()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        Instant now = clock.instant();
        if (error == null) {
            store.recordAttempt(due.id(), "DELIVERED", now, now, status, null);
            delivered.increment();
            return new Attempt.Delivered(Objects.requireNonNull(status, "an answered request has its status"));
        }
        Instant next = now.plus(props.retryAfter(due.attempts() + 1));
        boolean park = !retry || next.isAfter(due.createdAt().plus(props.retryWindow()));
        store.recordAttempt(due.id(), park ? "PARKED" : "PENDING", now, next, status, error);
        (park ? parked : failed).increment();
        if (park && retry) {
            log.warn(
                    "Webhook delivery {} of event {} parked after {} attempts: {}",
                    due.id(),
                    due.eventId(),
                    due.attempts() + 1,
                    error);
        }
        return new Attempt.Failed(status, error, park);
    }

    /** Takes as many due deliveries as there are free slots and starts them; returns how many. */
    int dispatchDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant();
        Duration lease = props.connectTimeout().plus(props.requestTimeout()).plusSeconds(30);
        List<WebhookStore.Due> due = store.takeDue(now, now.plus(lease), free);
        for (WebhookStore.Due d : due) {
            slots.acquireUninterruptibly();
            Objects.requireNonNull(pool, "deliveries are dispatched once started")
                    .execute(() -> {
                        try {
                            attempt(d, true);
                        } catch (RuntimeException e) {
                            log.warn(
                                    "Webhook delivery {} failed unexpectedly; retried when its lease ends: {}",
                                    d.id(),
                                    e.toString());
                        } finally {
                            slots.release();
                        }
                    });
        }
        return due.size();
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (dispatchDue() == 0) {
                    Thread.sleep(props.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Webhook dispatcher could not read due deliveries: {}", e.toString());
                try {
                    Thread.sleep(props.pollInterval().multipliedBy(4).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!props.enabled() || poller != null) {
            return;
        }
        pool = Executors.newFixedThreadPool(props.concurrency(), DaemonThreads.numbered("webhook-delivery-"));
        poller = DaemonThreads.start("webhook-dispatcher", this::poll);
    }

    @Override
    public synchronized void stop() {
        Thread t = poller;
        poller = null;
        if (t != null) {
            t.interrupt();
            ExecutorService workers = Objects.requireNonNull(pool, "started together with the poller");
            workers.shutdownNow();
            try {
                t.join(5000);
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
