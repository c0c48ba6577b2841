package com.hyperlocal.flashsale.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The database schema is part of each feature's boundary: every table has one owning feature, the
 * only one that writes it; another feature may read it only where {@link #READS} says so. Modulith
 * sees Java dependencies, not SQL, so this test reads the SQL in each feature's sources.
 */
class SchemaOwnershipTest {

    /** Table → the feature (top-level package) that owns and writes it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("deals", "deal"),
            Map.entry("claims", "claim"),
            Map.entry("merchants", "merchant"),
            Map.entry("merchant_api_keys", "merchant"),
            Map.entry("redemptions", "redemption"),
            Map.entry("revocations", "revocation"),
            Map.entry("voucher_keys", "voucher"),
            Map.entry("outbox_events", "events"),
            Map.entry("webhooks", "webhook"),
            Map.entry("webhook_deliveries", "webhook"));

    /** Feature → other features' tables it reads: the published read models, each for a reason. */
    static final Map<String, Set<String>> READS = Map.of(
            // the listing: active deals near a point, and tiles of them
            "discovery", Set.of("deals"),
            // a scan is checked against the voucher issued for the claim, its deal and its revocation
            "redemption", Set.of("claims", "deals", "revocations"),
            // revoking needs the claim and its deal's merchant; the merchant row orders revocations
            // (SELECT … FOR UPDATE) and the conflicts list joins the redemptions
            "revocation", Set.of("claims", "deals", "merchants", "redemptions"),
            // a retired key stays published while a voucher it signed can still be unexpired
            "voucher", Set.of("claims"),
            // deliveries go to the deal's merchant
            "webhook", Set.of("merchants"));

    /**
     * Feature → other features' tables it writes. One, by design: the claim batch (claim_batch,
     * V5) takes units from the deal's inventory in the same statement that inserts the claims, so
     * the decrement and the inserts commit or fail together.
     */
    static final Map<String, Set<String>> WRITES = Map.of("claim", Set.of("deals"));

    static final Path SOURCES = Path.of("src", "main", "java", "com", "hyperlocal", "flashsale");
    static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+([a-z_]+)\\b");
    static final Pattern WRITE = Pattern.compile("(?i)\\b(?:update|insert\\s+into|delete\\s+from)\\s+([a-z_]+)\\b");

    @Test
    void everyFeatureWritesOnlyItsOwnTablesAndReadsOnlyPublishedOnes() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> features = Files.list(SOURCES)) {
            for (Path feature : features.filter(Files::isDirectory).toList()) {
                String name = feature.getFileName().toString();
                for (String table : tables(feature, WRITE)) {
                    if (!name.equals(OWNER.get(table))
                            && !WRITES.getOrDefault(name, Set.of()).contains(table)) {
                        violations.add(name + " writes " + table + " (owned by " + OWNER.get(table) + ")");
                    }
                }
                for (String table : tables(feature, READ)) {
                    if (!name.equals(OWNER.get(table))
                            && !READS.getOrDefault(name, Set.of()).contains(table)
                            && !WRITES.getOrDefault(name, Set.of()).contains(table)) {
                        violations.add(name + " reads " + table + " (owned by " + OWNER.get(table) + ")");
                    }
                }
            }
        }
        assertThat(violations).as("undeclared cross-feature table access").isEmpty();
    }

    @Test
    void everyTableOfTheSchemaHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");
        try (Stream<Path> migrations = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher m = create.matcher(Files.readString(migration));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    /** The schema's tables this feature's SQL names in the given position (comments included: be exact there too). */
    private static Set<String> tables(Path feature, Pattern position) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(feature)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = position.matcher(Files.readString(file));
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    if (OWNER.containsKey(table)) {
                        found.add(table);
                    }
                }
            }
        }
        return found;
    }
}
