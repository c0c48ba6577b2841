package com.hyperlocal.flashsale.ratelimit;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's Lettuce proxy over a connection of its own (string keys, byte values), opened on first
 * use. Keys: {@code flashsale:rl:<limit>:<capacity>/<window s>:<caller>}, each expiring once its
 * bucket would be full again.
 * While Redis is down, commands fail at once (rejected while disconnected); a first connection is
 * made in the background (at startup, then at most once per {@link #RETRY}), so requests never
 * wait for it.
 */
@Component
class RedisBuckets implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration RETRY = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String PREFIX = "flashsale:rl:";
    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

    private final DataRedisConnectionDetails details;
    private final AtomicLong nextAttemptNanos = new AtomicLong(System.nanoTime());
    private @Nullable RedisClient client;
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
    private volatile @Nullable AsyncProxyManager<String> buckets;

    RedisBuckets(DataRedisConnectionDetails details) {
        this.details = details;
    }

    /** The limit's settings are part of the key: changed limits take effect at once, in fresh buckets. */
    static String key(LimitKind kind, RateLimitProperties.Limit limit, String caller) {
        return PREFIX + kind.policy() + ":" + limit.capacity() + "/"
                + limit.window().toSeconds() + ":" + caller;
    }

    /** Connects once the application is up, off the request path; requests until then count locally. */
    @EventListener(ApplicationReadyEvent.class)
    void connectEarly() {
        buckets();
    }

    /** True once the shared buckets are reachable (tries to connect if it is time to). */
    boolean connected() {
        return buckets().isPresent();
    }

    /** The shared buckets; empty while Redis cannot be reached. */
    Optional<AsyncProxyManager<String>> buckets() {
        AsyncProxyManager<String> current = buckets;
        if (current != null) {
            return Optional.of(current);
        }
        long next = nextAttemptNanos.get();
        if (System.nanoTime() - next >= 0
                && nextAttemptNanos.compareAndSet(next, System.nanoTime() + RETRY.toNanos())) {
            // Never on the request path: this request and those until the connection is up count locally.
            DaemonThreads.start("rate-limit-redis-connect", this::connect);
        }
        return Optional.empty();
    }

    private synchronized @Nullable AsyncProxyManager<String> connect() {
        if (buckets != null) {
            return buckets;
        }
        try {
            if (client == null) {
                client = RedisClient.create();
                client.setOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .socketOptions(SocketOptions.builder()
                                .connectTimeout(CONNECT_TIMEOUT)
                                .build())
                        .build());
            }
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri());
            connection.setTimeout(TIMEOUT);
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                    .build()
                    .asAsync();
            return buckets;
        } catch (RuntimeException e) {
            log.warn("Rate limits: cannot connect to Redis ({}); counting locally", e.toString());
            return null;
        }
    }

    /** A failed command: the connection reconnects by itself; nothing to do but log once in a while. */
    void failed(Exception e) {
        log.debug("Rate limit command failed: {}", e.toString());
    }

    private RedisURI uri() {
        DataRedisConnectionDetails.Standalone standalone =
                Objects.requireNonNull(details.getStandalone(), "rate limits use a standalone Redis");
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(standalone.getHost())
                .withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase())
                .withTimeout(TIMEOUT);
        if (details.getPassword() != null) {
            uri = details.getUsername() != null
                    ? uri.withAuthentication(
                            details.getUsername(), details.getPassword().toCharArray())
                    : uri.withPassword(details.getPassword().toCharArray());
        }
        return uri.build();
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
