package com.hyperlocal.flashsale.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.qpid.server.SystemLauncher;
import org.jspecify.annotations.Nullable;

/**
 * A real AMQP 0-9-1 broker (Apache Qpid Broker-J, in process, messages in memory) that the RabbitMQ
 * client and Spring AMQP talk to exactly as to RabbitMQ. One per JVM for the app; tests that stop
 * and restart the broker start their own with {@link #startNew}. Listens on loopback only, user
 * guest/guest. Messages do not survive a restart: the outbox, not the broker, is the durable copy
 * of an event until it is published, and production uses a RabbitMQ with durable queues.
 */
public final class EmbeddedAmqpBroker {

    static final String HOST = "127.0.0.1";
    static final String USER = "guest";
    private static final String CONFIG = "dev/embedded-amqp-broker.json";
    private static @Nullable EmbeddedAmqpBroker instance;

    private final int port;
    private final Path workDir;
    private @Nullable SystemLauncher launcher;

    private EmbeddedAmqpBroker(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    static synchronized EmbeddedAmqpBroker startOnce(Path workDir) {
        EmbeddedAmqpBroker current = instance;
        if (current == null) {
            current = startNew(workDir, FreePort.preferring(5672));
            Runtime.getRuntime().addShutdownHook(new Thread(current::stop, "embedded-amqp-stop"));
            instance = current;
        }
        return current;
    }

    /** Starts a separate broker; the caller stops it. */
    public static EmbeddedAmqpBroker startNew(Path workDir, int port) {
        EmbeddedAmqpBroker broker = new EmbeddedAmqpBroker(port, workDir);
        broker.start();
        return broker;
    }

    /** A free loopback port, for a test that starts its own broker. */
    public static int freePort() {
        return FreePort.any();
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (launcher != null) {
            return;
        }
        try {
            Files.createDirectories(workDir);
            Map<String, String> context = new HashMap<>();
            context.put("qpid.amqp_port", Integer.toString(port));
            context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
            context.put("qpid.home_dir", workDir.toAbsolutePath().toString());
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put(
                    "initialConfigurationLocation",
                    Objects.requireNonNull(
                                    EmbeddedAmqpBroker.class.getClassLoader().getResource(CONFIG),
                                    CONFIG + " is in this module's jar")
                            .toExternalForm());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", context);
            SystemLauncher started = new SystemLauncher();
            started.startup(attributes);
            launcher = started;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded AMQP broker on port " + port, e);
        }
    }

    public synchronized void stop() {
        SystemLauncher running = launcher;
        if (running != null) {
            running.shutdown();
            launcher = null;
        }
    }
}
