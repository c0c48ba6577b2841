package com.hyperlocal.flashsale.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JPA slice against the same real PostgreSQL the server uses (started by the embedded
 * infrastructure's EnvironmentPostProcessor, which runs for slices too — nothing is replaced by
 * an in-memory database). Proves the Flyway schema validates against the entity and that the
 * database itself, not only the code, guards the inventory and one-claim-per-user invariants.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DealRepositoryTest {

    @Autowired
    DealRepository deals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void theSliceRunsOnFlywaysSchemaInRealPostgresAndHibernateValidatedIt() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '1'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // ddl-auto=validate: the context would not have started had the entity not matched the tables.
        assertThat(entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
    }

    @Test
    void aDealSavedThroughJpaReadsBackTheSame() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NewDeal spec = new NewDeal("Two for one", "Pizza", 45.07, 7.69, 30, now, now.plus(1, ChronoUnit.DAYS));
        jdbc.sql(
                        "INSERT INTO merchants (id, name, created_at) VALUES (:m, 'Constraint tests', now()) ON CONFLICT DO NOTHING")
                .param("m", com.hyperlocal.flashsale.DealRows.TEST_MERCHANT)
                .update();
        Deal saved = deals.saveAndFlush(
                new Deal(com.hyperlocal.flashsale.DealRows.TEST_MERCHANT, spec, "key-1", "f".repeat(64), now));
        UUID id = saved.getId();

        DealResponse read = deals.findById(id).orElseThrow().toResponse(now);
        assertThat(read.title()).isEqualTo("Two for one");
        assertThat(read.latitude()).isEqualTo(45.07);
        assertThat(read.remainingInventory()).isEqualTo(30);
        assertThat(read.validUntil()).isEqualTo(now.plus(1, ChronoUnit.DAYS));
        // The generated point column is (longitude, latitude).
        assertThat(jdbc.sql("SELECT location[0] FROM deals WHERE id = :id")
                        .param("id", id)
                        .query(Double.class)
                        .single())
                .isEqualTo(7.69);
    }

    @Test
    void theDatabaseRejectsNegativeRemainingInventory() {
        UUID id = insertDeal(10, 10);
        assertThatThrownBy(() -> jdbc.sql("UPDATE deals SET remaining_inventory = -1 WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("deals_remaining_within_total");
    }

    @Test
    void theDatabaseRejectsMoreRemainingThanTotal() {
        UUID id = insertDeal(10, 10);
        assertThatThrownBy(() -> jdbc.sql("UPDATE deals SET remaining_inventory = 11 WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("deals_remaining_within_total");
    }

    @Test
    void theDatabaseRejectsInsertingADealWithRemainingAboveTotal() {
        assertThatThrownBy(() -> insertDeal(5, 6))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("deals_remaining_within_total");
    }

    @Test
    void theDatabaseRejectsASecondClaimBySameUserForSameDeal() {
        UUID deal = insertDeal(10, 10);
        insertClaim(deal, "alice");
        insertClaim(deal, "bob"); // another user is fine
        assertThatThrownBy(() -> insertClaim(deal, "alice"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("claims_one_per_user");
    }

    @Test
    void theDatabaseRejectsAClaimForADealThatDoesNotExist() {
        assertThatThrownBy(() -> insertClaim(UUID.randomUUID(), "alice"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID insertDeal(int total, int remaining) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql(
                        "INSERT INTO merchants (id, name, created_at) VALUES (:m, 'Constraint tests', now()) ON CONFLICT DO NOTHING")
                .param("m", com.hyperlocal.flashsale.DealRows.TEST_MERCHANT)
                .update();
        jdbc.sql("""
                INSERT INTO deals (id, merchant_id, title, latitude, longitude, total_inventory, remaining_inventory,
                                   valid_from, valid_until)
                VALUES (:id, :merchant, 'constraint test', 1, 2, :total, :remaining, :from, :until)
                """)
                .param("id", id)
                .param("merchant", com.hyperlocal.flashsale.DealRows.TEST_MERCHANT)
                .param("total", total)
                .param("remaining", remaining)
                .param("from", now.atOffset(ZoneOffset.UTC))
                .param("until", now.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private void insertClaim(UUID deal, String user) {
        jdbc.sql("INSERT INTO claims (id, deal_id, user_id, claimed_at) VALUES (:id, :deal, :user, now())")
                .param("id", UUID.randomUUID())
                .param("deal", deal)
                .param("user", user)
                .update();
    }
}
