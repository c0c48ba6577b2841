package com.hyperlocal.flashsale.claim;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a deal's terms for a lane that has none yet, in the request's thread, so that its vouchers
 * are signed ahead from the first request on. Without it, the first batch of each deal on each
 * instance made two calls (the first only to learn the terms) and signed every voucher under the
 * locks — in a city of small sales that was most batches (docs/benchmarks.md, findings).
 */
@Repository
class DealTermsReader {

    private final JdbcClient jdbc;

    DealTermsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The terms, or empty if the deal does not exist or the database did not answer (the batch will say). */
    Optional<ClaimWriter.DealTerms> find(UUID dealId) {
        try {
            return jdbc.sql("SELECT merchant_id, valid_from, valid_until FROM deals WHERE id = :id")
                    .param("id", dealId)
                    .query((rs, n) -> new ClaimWriter.DealTerms(
                            rs.getObject(1, UUID.class),
                            rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant()))
                    .optional();
        } catch (DataAccessException e) {
            return Optional.empty();
        }
    }
}
