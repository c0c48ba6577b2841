package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.DealRows;
import com.hyperlocal.flashsale.DealRows.Row;
import com.hyperlocal.flashsale.IntegrationTest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Discovery does not read every deal: the statements {@link NearbyDealQuery} and {@link TileQuery}
 * really send are planned as scans of the GiST index {@code deals_location_gist}, not a sequential
 * scan of {@code deals}.
 *
 * <p>Why this is a fair test: the statement is captured from {@link NearbyDealQuery} itself (its
 * SQL text and every bound parameter), then explained on the same database with the same values;
 * the table holds at least {@value #MIN_ROWS} deals spread over the globe and has been ANALYZEd, so
 * the planner decides on real statistics. Nothing disables sequential scans: with 20k+ rows a
 * box of ≤ 200 km covers a tiny fraction of them, and the planner on its own finds the index
 * cheaper. Should a change make the prefilter unusable by the index (e.g. wrapping
 * {@code location} in a function, or dropping the {@code <@ box} term), this test fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryUsesIndexTest {

    private static final int MIN_ROWS = 20_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void enoughDealsAndFreshStatistics() {
        long count = jdbc.sql("SELECT count(*) FROM deals").query(Long.class).single();
        if (count < MIN_ROWS) {
            Random random = new Random(42);
            Instant now = Instant.now();
            List<Row> rows = new ArrayList<>();
            for (long i = count; i < MIN_ROWS; i++) {
                double lat = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
                double lng = 360 * random.nextDouble() - 180;
                rows.add(new Row(
                        UUID.randomUUID(),
                        "index filler",
                        lat,
                        lng,
                        5,
                        5,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(2))));
            }
            DealRows.insert(jdbc, rows);
        }
        jdbc.sql("ANALYZE deals").update();
    }

    @Test
    void anOrdinarySearchScansTheLocationIndex() throws SQLException {
        assertUsesLocationIndex(explain(52.52, 13.405, 25));
    }

    @Test
    void aSearchAcrossTheAntimeridianScansTheLocationIndexForBothBoxes() throws SQLException {
        List<String> plans = explain(0.1, 179.95, 80);
        assertUsesLocationIndex(plans);
        String plan = plans.get(plans.size() - 1); // the widest ring crosses the antimeridian
        assertThat(plan.split("deals_location_gist", -1)).as(plan).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aSearchAroundThePoleScansTheLocationIndex() throws SQLException {
        assertUsesLocationIndex(explain(89.9, 45, 50));
    }

    @Test
    void loadingACachedTileScansTheLocationIndex() throws SQLException {
        List<Captured> captured = new ArrayList<>();
        TileGrid grid = new TileGrid(0.005);
        Instant now = Instant.now();
        new TileQuery(DiscoveryReads.primaryOnly(JdbcClient.create(recording(dataSource, captured))))
                .load(grid, grid.keyOf(52.52, 13.405), now.minusSeconds(30), now.plusSeconds(30));
        assertThat(captured).hasSize(1);
        assertUsesLocationIndex(List.of(explain(captured.get(0))));
    }

    /** Every ring the search ran must be answered from the index. */
    private static void assertUsesLocationIndex(List<String> plans) {
        assertThat(plans)
                .isNotEmpty()
                .allSatisfy(plan -> assertThat(plan)
                        .as(plan)
                        .contains("deals_location_gist")
                        .doesNotContain("Seq Scan on deals"));
    }

    /** Runs the real search through a recording connection, then EXPLAINs exactly the statements it sent. */
    private List<String> explain(double lat, double lng, double radiusKm) throws SQLException {
        List<Captured> captured = new ArrayList<>();
        new NearbyDealQuery(DiscoveryReads.primaryOnly(JdbcClient.create(recording(dataSource, captured))))
                .find(lat, lng, radiusKm, 20, Instant.now());
        assertThat(captured).isNotEmpty();
        List<String> plans = new ArrayList<>();
        for (Captured statement : captured) {
            plans.add(explain(statement));
        }
        return plans;
    }

    private String explain(Captured statement) throws SQLException {
        assertThat(statement.sql()).contains("<@ box(");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            for (Object[] call : statement.setters()) {
                try {
                    ((Method) call[0]).invoke(explain, (Object[]) call[1]);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private record Captured(String sql, List<Object[]> setters) {}

    private static DataSource recording(DataSource real, List<Captured> captured) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Connection connection) {
                        return recording(connection, captured);
                    }
                    return result;
                });
    }

    private static Connection recording(Connection real, List<Captured> captured) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                        Captured statement = new Captured((String) args[0], new ArrayList<>());
                        captured.add(statement);
                        InvocationHandler handler = (p, m, a) -> {
                            if (m.getName().startsWith("set")
                                    && a != null
                                    && a.length >= 2
                                    && a[0] instanceof Integer) {
                                statement.setters().add(new Object[] {m, a});
                            }
                            return invoke(ps, m, a);
                        };
                        return Proxy.newProxyInstance(
                                PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class},
                                handler);
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
