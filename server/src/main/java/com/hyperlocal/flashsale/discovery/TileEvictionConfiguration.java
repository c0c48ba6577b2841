package com.hyperlocal.flashsale.discovery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Subscribes {@link TileEvictions} to the other instances' messages; it resubscribes by itself after a Redis outage. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flashsale.discovery.cache.enabled", havingValue = "true", matchIfMissing = true)
class TileEvictionConfiguration {

    @Bean
    RedisMessageListenerContainer tileEvictionListener(RedisConnectionFactory redis, TileEvictions evictions) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(evictions, new ChannelTopic(TileEvictions.CHANNEL));
        return container;
    }
}
