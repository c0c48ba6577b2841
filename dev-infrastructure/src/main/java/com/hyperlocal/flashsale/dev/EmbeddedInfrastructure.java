package com.hyperlocal.flashsale.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL, a real Redis and a real AMQP broker from Maven artifacts when the configuration names
 * no external ones, so the server runs on a machine that has only a JDK.
 *
 * <p>Runs after the config files are read, so {@code SPRING_DATASOURCE_URL},
 * {@code SPRING_DATA_REDIS_HOST} (or {@code _URL}, {@code _SENTINEL_MASTER}, {@code _CLUSTER_NODES}),
 * {@code SPRING_RABBITMQ_HOST} and friends from any source switch it off per server.
 * Data lives in {@code flashsale.embedded.data-dir} (default {@code ./data}) and survives restarts;
 * with {@code flashsale.embedded.ephemeral=true} (the tests) it goes to a temporary folder.
 * The voucher signing keys default to {@code <data-dir>/keys} for the same reason.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "embeddedInfrastructure";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("flashsale.embedded.enabled", Boolean.class, true)
                || env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Path dataDir = dataDir(env);
        Map<String, Object> props = new LinkedHashMap<>();
        // Voucher signing keys live next to the embedded servers' data (a temp folder in tests);
        // an explicit flashsale.vouchers.key-dir or keys-file wins, this source is added last.
        props.put("flashsale.vouchers.key-dir", dataDir.resolve("keys").toString());
        if (!env.containsProperty("spring.datasource.url")) {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.startOnce(dataDir.resolve("postgres"), ephemeral(env));
            props.put("spring.datasource.url", pg.jdbcUrl());
            props.put("spring.datasource.username", EmbeddedPostgresServer.USER);
            props.put("spring.datasource.password", "");
            props.put("flashsale.admin.demo-merchant", !ephemeral(env));
            props.put(
                    "flashsale.admin.demo-merchant-file",
                    dataDir.resolve("demo-merchant.properties").toString());
            log.info("Embedded PostgreSQL on 127.0.0.1:" + pg.port() + ", data in " + dataDir.resolve("postgres"));
        }
        if (!env.containsProperty("spring.data.redis.host")
                && !env.containsProperty("spring.data.redis.url")
                && !env.containsProperty("spring.data.redis.sentinel.master")
                && !env.containsProperty("spring.data.redis.cluster.nodes")) {
            EmbeddedRedisServer redis = EmbeddedRedisServer.startOnce(dataDir.resolve("redis"), ephemeral(env));
            props.put("spring.data.redis.host", EmbeddedRedisServer.HOST);
            props.put("spring.data.redis.port", redis.port());
            log.info("Embedded Redis on 127.0.0.1:" + redis.port() + ", data in " + dataDir.resolve("redis"));
        }
        if (!env.containsProperty("spring.rabbitmq.host") && !env.containsProperty("spring.rabbitmq.addresses")) {
            EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.startOnce(dataDir.resolve("amqp"));
            props.put("spring.rabbitmq.host", EmbeddedAmqpBroker.HOST);
            props.put("spring.rabbitmq.port", broker.port());
            props.put("spring.rabbitmq.username", EmbeddedAmqpBroker.USER);
            props.put("spring.rabbitmq.password", EmbeddedAmqpBroker.USER);
            log.info("Embedded AMQP broker (Qpid Broker-J) on 127.0.0.1:" + broker.port());
        }
        if (!env.containsProperty(JWT + "issuer-uri") && !env.containsProperty(JWT + "jwk-set-uri")) {
            // No identity provider configured: the development one (package dev.identity) serves shoppers'
            // tokens, validated by the same resource-server path as a real provider's.
            int port = FreePort.any();
            String issuer = "http://127.0.0.1:" + port;
            props.put("flashsale.dev-identity.enabled", true);
            props.put("flashsale.dev-identity.port", port);
            props.put(JWT + "issuer-uri", issuer);
            props.put(JWT + "jwk-set-uri", issuer + "/jwks.json");
            props.put(JWT + "audiences", "flashsale-dev");
        }
        env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, props));
    }

    private static boolean ephemeral(ConfigurableEnvironment env) {
        return env.getProperty("flashsale.embedded.ephemeral", Boolean.class, false);
    }

    private static Path dataDir(ConfigurableEnvironment env) {
        try {
            if (ephemeral(env)) {
                return Files.createTempDirectory("flashsale-data-");
            }
            return Path.of(env.getProperty("flashsale.embedded.data-dir", "data"))
                    .toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a data folder for the embedded servers", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
