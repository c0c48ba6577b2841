package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With PostgreSQL gone, claims and reads answer 503 + Retry-After (never a 500 or a hang), and
 * once it is back everything works again with nothing half-written. Uses a PostgreSQL of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@DirtiesContext
class DatabaseOutageTest {

    static final Path DATA = tempDir();
    static EmbeddedPostgres postgres = start(0);
    static final int PORT = postgres.getPort();

    @LocalServerPort
    int port;

    static Path tempDir() {
        try {
            return Files.createTempDirectory("outage-pg");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static EmbeddedPostgres start(int port) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void claimsAndReadsAnswer503WhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Power cut", 6.52, 3.37, 10);
        assertThat(api.claim(deal, "before").status()).isEqualTo(201);

        postgres.close();
        try {
            for (TestApi.Answer answer : new TestApi.Answer[] {
                api.claim(deal, "during"),
                api.get("/api/v1/deals/" + deal),
                api.get("/api/v1/deals/nearby?lat=6.52&lng=3.37&radiusKm=1")
            }) {
                assertThat(answer.status()).as(answer.raw().body()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                // A claim sent on a pooled connection the stopped server has just dropped cannot know
                // whether its commit happened: it says so (claim-outcome-unknown); reads are plainly unavailable.
                assertThat(answer.json().get("type").asString())
                        .isIn(
                                "urn:flashsale:problem:dependency-unavailable",
                                "urn:flashsale:problem:claim-outcome-unknown");
                assertThat(answer.raw().body())
                        .doesNotContain("Exception")
                        .doesNotContain("SQL")
                        .doesNotContain("jdbc");
            }
        } finally {
            postgres = start(PORT);
        }

        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        TestApi.Answer after = api.claim(deal, "after");
        while (after.status() == 503 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            after = api.claim(deal, "after");
        }
        assertThat(after.status()).isEqualTo(201);
        TestApi.Answer dealNow = api.get("/api/v1/deals/" + deal);
        assertThat(dealNow.json().get("remainingInventory").asInt()).isEqualTo(8);
        assertThat(dealNow.json().get("claimCount").asInt()).isEqualTo(2);
        assertThat(api.claim(deal, "during").status())
                .as("nothing was written for the refused claim")
                .isEqualTo(201);
    }
}
