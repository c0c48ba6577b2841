package com.hyperlocal.flashsale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test context at a loopback port where nothing listens: Redis unreachable from the start. */
public final class UnreachableRedis {

    private UnreachableRedis() {}

    public static void register(DynamicPropertyRegistry registry) {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = closed;
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> port);
    }
}
