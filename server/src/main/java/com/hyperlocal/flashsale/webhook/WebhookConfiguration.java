package com.hyperlocal.flashsale.webhook;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' own durable queue, bound to every deal event. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    Queue webhookQueue(WebhookProperties props) {
        return QueueBuilder.durable(props.queue()).build();
    }

    @Bean
    Binding webhookBinding(Queue webhookQueue, TopicExchange eventsExchange) {
        return BindingBuilder.bind(webhookQueue).to(eventsExchange).with("deal.#");
    }
}
