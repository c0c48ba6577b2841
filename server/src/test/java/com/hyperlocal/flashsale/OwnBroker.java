package com.hyperlocal.flashsale;

import com.hyperlocal.flashsale.dev.EmbeddedAmqpBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at an embedded AMQP broker of its own, which its tests may stop and start
 * (the shared broker, or the machine's RabbitMQ, is never stopped). One per JVM; every class using
 * this initializer with the same properties shares the context. It also gets a database of its own:
 * the relay and webhook dispatcher of each context poll their database, and this context's events
 * must go to this context's broker.
 */
public class OwnBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final EmbeddedAmqpBroker BROKER = start();
    private static final String DATABASE =
            "flashsale_own_broker_" + ProcessHandle.current().pid();

    private static EmbeddedAmqpBroker start() {
        try {
            EmbeddedAmqpBroker broker =
                    EmbeddedAmqpBroker.startNew(Files.createTempDirectory("own-amqp"), EmbeddedAmqpBroker.freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "own-amqp-stop"));
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = ownDatabase(
                context.getEnvironment().getRequiredProperty("spring.datasource.url"),
                context.getEnvironment().getProperty("spring.datasource.username", "postgres"),
                context.getEnvironment().getProperty("spring.datasource.password", ""));
        TestPropertyValues.of(
                        "spring.datasource.url=" + url,
                        "spring.rabbitmq.host=127.0.0.1",
                        "spring.rabbitmq.port=" + BROKER.port(),
                        "spring.rabbitmq.virtual-host=/",
                        "spring.rabbitmq.username=guest",
                        "spring.rabbitmq.password=guest")
                .applyTo(context);
    }

    /** The same server, database {@code flashsale_own_broker} (created on first use). */
    private static synchronized String ownDatabase(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String own = url.substring(0, slash + 1) + DATABASE + (query < 0 ? "" : url.substring(query));
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(url, user, password), "own-db-drop"));
            }
            return own;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + DATABASE, e);
        }
    }

    /** Best effort, so runs against a shared PostgreSQL leave no database behind. */
    private static void drop(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            // the embedded server may already be gone with its data
        }
    }
}
