package com.hyperlocal.flashsale.discovery;

import com.hyperlocal.flashsale.infra.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One background thread: at startup and every {@code density-refresh} it recounts the density
 * grid, drops expired tiles and (until that succeeds) subscribes to other instances' tile
 * evictions. A failure (database or Redis down) keeps the last grid and tries again next time.
 */
@Component
class DiscoveryCacheMaintenance {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryCacheMaintenance.class);

    private final DensityGrid density;
    private final TileCache tiles;
    private static final java.time.Duration SUBSCRIBE_RETRY = java.time.Duration.ofSeconds(2);

    private final TileEvictions evictions;
    private final DiscoveryCacheProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService executor;

    DiscoveryCacheMaintenance(
            DensityGrid density,
            TileCache tiles,
            TileEvictions evictions,
            DiscoveryCacheProperties properties,
            Clock clock) {
        this.density = density;
        this.tiles = tiles;
        this.evictions = evictions;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("discovery-cache-maintenance"));
        executor.scheduleWithFixedDelay(
                this::refresh, 0, properties.densityRefresh().toMillis(), TimeUnit.MILLISECONDS);
        // Until subscribed, other instances' evictions are missed (tile-ttl covers them), so retry
        // often rather than once per density refresh; once subscribed this is a field check.
        executor.scheduleWithFixedDelay(evictions::subscribe, 0, SUBSCRIBE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refresh() {
        Instant now = clock.instant();
        tiles.removeExpired(now);
        try {
            density.refresh(now);
        } catch (RuntimeException e) {
            log.warn("Deal density not recounted, the previous count stays in use: {}", e.toString());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
