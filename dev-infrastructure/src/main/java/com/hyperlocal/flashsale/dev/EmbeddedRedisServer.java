package com.hyperlocal.flashsale.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis from the codemonstur binaries. One per JVM for the app; tests that need to stop
 * and restart Redis start their own with {@link #startNew}.
 */
public final class EmbeddedRedisServer {

    public static final String HOST = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static @Nullable EmbeddedRedisServer instance;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static synchronized EmbeddedRedisServer startOnce(Path dataDir, boolean ephemeral) {
        if (instance == null) {
            instance = startNew(dataDir, FreePort.preferring(6379), !ephemeral);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-redis-stop"));
        }
        return instance;
    }

    /** Starts a separate server; the caller stops it. */
    public static EmbeddedRedisServer startNew(Path dataDir, int port, boolean persistent) {
        try {
            Files.createDirectories(dataDir);
            RedisServer server = RedisServer.newRedisServer()
                    .bind(HOST)
                    .port(port)
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting(persistent ? "appendonly yes" : "appendonly no")
                    .setting(persistent ? "save 60 1" : "save \"\"")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded Redis on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart the embedded Redis on port " + port, e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Embedded Redis on port {} did not stop cleanly", port, e);
        }
    }
}
