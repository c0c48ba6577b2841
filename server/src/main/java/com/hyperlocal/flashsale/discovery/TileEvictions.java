package com.hyperlocal.flashsale.discovery;

import com.hyperlocal.flashsale.deal.DealListingChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps tiles fresh when deals are created or closed: this instance drops the tile at once
 * (after commit), and tells the others through Redis pub/sub. Redis is best effort here — if a
 * message is lost (Redis down, instance not yet subscribed), the others catch up within tile-ttl.
 * The message names the point rather than a tile, so instances may use different tile sizes.
 *
 * <p>The listener container is not a Spring bean on purpose: its {@code start()} fails while Redis
 * is unreachable, which as a lifecycle bean would stop the whole server from starting.
 * {@link DiscoveryCacheMaintenance} calls {@link #subscribe()} every few seconds: until it succeeds,
 * and then to send a probe to ourselves through Redis; a probe that does not come back means the
 * subscription is gone though the container says it runs, and it is made again.
 */
@Component
class TileEvictions implements MessageListener {

    static final String CHANNEL = "discovery:tile-evict";
    /** "sender probe": sent to ourselves through Redis to learn that the subscription still delivers. */
    private static final String PROBE = "probe";

    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final Duration PROBE_ANSWER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(TileEvictions.class);

    private final String instance = UUID.randomUUID().toString();
    private final TileCache tiles;
    private final StringRedisTemplate redis;
    private final boolean enabled;
    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    private final Counter received;

    TileEvictions(
            TileCache tiles,
            StringRedisTemplate redis,
            RedisConnectionFactory connections,
            DiscoveryCacheProperties properties,
            MeterRegistry meters) {
        this.tiles = tiles;
        this.received = Counter.builder("flashsale.discovery.tile.evictions.received")
                .description("Tile evictions announced by other instances over Redis")
                .register(meters);
        this.redis = redis;
        this.enabled = properties.enabled();
        container.setConnectionFactory(connections);
        container.addMessageListener(this, new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
    }

    private boolean notSubscribedLogged;
    /** nanoTime of the outstanding probe (0: none) and of the last probe of ours that came back. */
    private volatile long probeSentAt;

    private volatile long probeEchoedAt;

    /**
     * Subscribes to the other instances' messages unless already subscribed; false while Redis is
     * unreachable. Once subscribed, checks that the subscription still delivers: a container can
     * report itself running while its subscription is gone, and nothing else would notice.
     */
    synchronized boolean subscribe() {
        if (!enabled) {
            return false;
        }
        if (container.isRunning()) {
            if (!probeUnanswered()) {
                probeIfDue();
                return true;
            }
            log.warn("Tile eviction subscription delivers nothing (our own probe did not come back); resubscribing");
            container.stop();
            probeSentAt = 0;
        }
        try {
            container.start();
            notSubscribedLogged = false;
            return true;
        } catch (RuntimeException e) {
            if (!notSubscribedLogged) { // retried every few seconds: say it once per outage
                log.warn(
                        "Not subscribed to tile evictions yet (other instances' changes show within tile-ttl): {}",
                        e.toString());
                notSubscribedLogged = true;
            }
            return false;
        }
    }

    private boolean probeUnanswered() {
        long sent = probeSentAt;
        return sent != 0 && probeEchoedAt - sent < 0 && System.nanoTime() - sent > PROBE_ANSWER.toNanos();
    }

    private void probeIfDue() {
        long now = System.nanoTime();
        if (probeSentAt != 0 && now - probeSentAt < PROBE_EVERY.toNanos()) {
            return;
        }
        try {
            redis.convertAndSend(CHANNEL, instance + " " + PROBE);
            probeSentAt = now;
        } catch (RuntimeException e) {
            probeSentAt = 0; // Redis away: the container reconnects by itself, nothing to judge yet
        }
    }

    @PreDestroy
    void close() throws Exception {
        container.destroy();
    }

    @TransactionalEventListener
    void dealChanged(DealListingChanged change) {
        if (!enabled) {
            return;
        }
        tiles.evict(change.latitude(), change.longitude());
        try {
            redis.convertAndSend(CHANNEL, instance + " " + change.latitude() + " " + change.longitude());
        } catch (RuntimeException e) {
            // The deal is committed; other instances see it within tile-ttl instead.
            log.warn("Tile eviction not broadcast: {}", e.toString());
        }
    }

    /** Another instance's change: "sender lat lng". Our own messages are already applied. */
    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ");
        if (parts.length == 2 && parts[1].equals(PROBE)) {
            if (parts[0].equals(instance)) {
                probeEchoedAt = System.nanoTime();
            }
            return;
        }
        if (parts.length != 3 || parts[0].equals(instance)) {
            return;
        }
        received.increment();
        try {
            tiles.evict(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            log.warn("Ignored a malformed tile eviction message");
        }
    }
}
