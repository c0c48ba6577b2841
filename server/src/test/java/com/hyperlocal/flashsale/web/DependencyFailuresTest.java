package com.hyperlocal.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

class DependencyFailuresTest {

    @Test
    void connectionLevelFailuresAnywhereInTheChainMeanUnavailable() {
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("shutdown", "57P01"))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(new JpaSystemException(new org.hibernate.TransactionException(
                        "Unable to rollback", new SQLException("Connection is closed")))))
                .isTrue();
    }

    @Test
    void bugsAndConstraintViolationsAreNotOutages() {
        assertThat(DependencyFailures.isUnavailable(new IllegalStateException("bug")))
                .isFalse();
        assertThat(DependencyFailures.isUnavailable(
                        new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DependencyFailures.isUnavailable(new NullPointerException())).isFalse();
    }
}
