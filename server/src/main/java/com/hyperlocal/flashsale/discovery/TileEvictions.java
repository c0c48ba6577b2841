package com.hyperlocal.flashsale.discovery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.hyperlocal.flashsale.deal.DealListingChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps tiles fresh when deals are created or closed: this instance drops the tile at once
 * (after commit), and tells the others through Redis pub/sub. Redis is best effort here — if a
 * message is lost (Redis down, instance not yet subscribed), the others catch up within tile-ttl.
 * The message names the point rather than a tile, so instances may use different tile sizes.
 */
@Component
class TileEvictions implements MessageListener {

    static final String CHANNEL = "discovery:tile-evict";

    private static final Logger log = LoggerFactory.getLogger(TileEvictions.class);

    private final String instance = UUID.randomUUID().toString();
    private final TileCache tiles;
    private final StringRedisTemplate redis;
    private final boolean enabled;

    TileEvictions(TileCache tiles, StringRedisTemplate redis, DiscoveryCacheProperties properties) {
        this.tiles = tiles;
        this.redis = redis;
        this.enabled = properties.enabled();
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
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ");
        if (parts.length != 3 || parts[0].equals(instance)) {
            return;
        }
        try {
            tiles.evict(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            log.warn("Ignored a malformed tile eviction message");
        }
    }
}
