package com.hyperlocal.flashsale.events;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable topic exchange all domain events go to; each consumer binds its own queue. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    TopicExchange eventsExchange(EventsProperties props) {
        return new TopicExchange(props.exchange(), true, false);
    }
}
