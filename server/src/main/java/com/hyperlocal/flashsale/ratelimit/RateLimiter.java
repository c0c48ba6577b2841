package com.hyperlocal.flashsale.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hyperlocal.flashsale.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by all instances through Redis ({@link RedisBuckets}); while Redis cannot be
 * reached, each instance enforces the same limits with local buckets (bounded), so a Redis outage
 * never leaves PostgreSQL unguarded. Claims need Redis anyway and answer 503 then.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RedisBuckets redis;
    private final Map<LimitKind, BucketConfiguration> configurations = new EnumMap<>(LimitKind.class);
    private final Map<LimitKind, RateLimitProperties.Limit> limits = new EnumMap<>(LimitKind.class);
    private final Cache<String, Bucket> local;
    /**
     * One Redis bucket proxy per key, batching: requests arriving together on one key (an office's
     * or a mall's NAT address, a load balancer's) share one compare-and-swap round trip instead of
     * each retrying its own against the others, which on one hot key starves the whole server
     * (HotKeyRateLimitTest; figures in docs/benchmarks.md).
     */
    private final Cache<String, AsyncBucketProxy> proxies;

    private volatile boolean degraded;

    RateLimiter(RedisBuckets redis, RateLimitProperties properties) {
        this.redis = redis;
        Duration longest = Duration.ZERO;
        for (LimitKind kind : LimitKind.values()) {
            RateLimitProperties.Limit limit = kind.of(properties);
            limits.put(kind, limit);
            configurations.put(
                    kind,
                    BucketConfiguration.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(limit.capacity())
                                    .refillGreedy(limit.capacity(), limit.window())
                                    .build())
                            .build());
            longest = longest.compareTo(limit.window()) < 0 ? limit.window() : longest;
        }
        this.local = Caffeine.newBuilder()
                .maximumSize(properties.localMaxKeys())
                .expireAfterAccess(longest)
                .build();
        this.proxies = Caffeine.newBuilder()
                .maximumSize(properties.localMaxKeys())
                .expireAfterAccess(longest)
                .build();
    }

    /** Takes one request from the caller's bucket of this kind. */
    public Verdict consume(LimitKind kind, String key) {
        return consumeAll(kind, key, null, null);
    }

    /** Takes one request from two buckets at once (their Redis round trips overlap). */
    public Verdict consumeAll(
            LimitKind first, String firstKey, @Nullable LimitKind second, @Nullable String secondKey) {
        Optional<AsyncProxyManager<String>> shared = redis.buckets();
        if (shared.isPresent()) {
            AsyncProxyManager<String> buckets = shared.get();
            try {
                CompletableFuture<ConsumptionProbe> a = remote(buckets, first, firstKey);
                CompletableFuture<ConsumptionProbe> b = second == null
                        ? null
                        : remote(buckets, second, Objects.requireNonNull(secondKey, "a second bucket has a key"));
                Verdict verdict = verdict(first, a.get(RedisBuckets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                if (b != null && second != null && verdict instanceof Verdict.Allowed) {
                    verdict = verdict(second, b.get(RedisBuckets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                }
                recovered();
                return verdict;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                redis.failed(e);
            }
        }
        degrade();
        Verdict verdict = verdict(first, localBucket(first, firstKey).tryConsumeAndReturnRemaining(1));
        if (second != null && verdict instanceof Verdict.Allowed) {
            verdict = verdict(
                    second,
                    localBucket(second, Objects.requireNonNull(secondKey, "a second bucket has a key"))
                            .tryConsumeAndReturnRemaining(1));
        }
        return verdict;
    }

    private CompletableFuture<ConsumptionProbe> remote(AsyncProxyManager<String> buckets, LimitKind kind, String key) {
        return proxies.get(
                        RedisBuckets.key(kind, limit(kind), key),
                        redisKey -> buckets.builder()
                                .withOptimization(Optimizations.batching())
                                .build(redisKey, () -> CompletableFuture.completedFuture(configuration(kind))))
                .tryConsumeAndReturnRemaining(1);
    }

    private Bucket localBucket(LimitKind kind, String key) {
        return local.get(
                RedisBuckets.key(kind, limit(kind), key),
                k -> Bucket.builder()
                        .addLimit(configuration(kind).getBandwidths()[0])
                        .build());
    }

    private RateLimitProperties.Limit limit(LimitKind kind) {
        return Objects.requireNonNull(limits.get(kind), "the constructor sets a limit per kind");
    }

    private BucketConfiguration configuration(LimitKind kind) {
        return Objects.requireNonNull(configurations.get(kind), "the constructor configures every kind");
    }

    private Verdict verdict(LimitKind kind, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        RateLimitProperties.Limit limit = limit(kind);
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Verdict.Refused(new RateLimitedException(
                kind.policy(), limit.capacity(), Math.max(1, limit.window().toSeconds()), retryAfter));
    }

    private void degrade() {
        if (!degraded) {
            degraded = true;
            log.warn("Rate limits: Redis unreachable, each instance now counts its own requests until it is back");
        }
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            log.info("Rate limits: Redis reachable again, limits are shared by all instances");
        }
    }
}
