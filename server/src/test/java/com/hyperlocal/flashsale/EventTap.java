package com.hyperlocal.flashsale;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A test consumer on the real broker: its own queue bound to the events exchange for one deal's
 * events (routing key {@code deal.<id>.#}), read in broker order.
 */
public final class EventTap implements AutoCloseable {

    private final AmqpAdmin admin;
    private final RabbitTemplate rabbit;
    private final String queue;
    private final List<Message> received = new ArrayList<>();

    public EventTap(AmqpAdmin admin, RabbitTemplate rabbit, UUID dealId) {
        this(admin, rabbit, "deal." + dealId + ".#");
    }

    public EventTap(AmqpAdmin admin, RabbitTemplate rabbit, String bindingKey) {
        this.admin = admin;
        this.rabbit = rabbit;
        this.queue = "test-tap-" + UUID.randomUUID();
        admin.declareQueue(new org.springframework.amqp.core.Queue(queue, false, false, true));
        admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, "flashsale.events", bindingKey, null));
    }

    /** Waits until at least {@code n} messages arrived, then returns all received so far. */
    public List<Message> awaitAtLeast(int n, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            drain();
            return received.size() >= n;
        });
        return List.copyOf(received);
    }

    /** Everything that arrives within {@code quiet} of the last message. */
    public List<Message> settle(Duration quiet) throws InterruptedException {
        drain();
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(50);
            if (drain() > 0) {
                until = System.nanoTime() + quiet.toNanos();
            }
        }
        return List.copyOf(received);
    }

    private int drain() {
        int n = 0;
        for (Message m = rabbit.receive(queue); m != null; m = rabbit.receive(queue)) {
            received.add(m);
            n++;
        }
        return n;
    }

    public static JsonNode json(Message message) {
        return TestApi.JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        admin.deleteQueue(queue);
    }
}
