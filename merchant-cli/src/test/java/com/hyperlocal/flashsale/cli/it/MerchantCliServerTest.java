package com.hyperlocal.flashsale.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.CliRun;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.client.Deal;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flashdeal in-process against the real server (separate process, embedded PostgreSQL/Redis). */
@Tag("server")
@Order(1)
class MerchantCliServerTest {

    static ServerProcess server;
    static ServerProcess.Merchant alice;
    static ServerProcess.Merchant bob;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.shared();
        alice = server.createMerchant("Alice's Dosa Corner");
        bob = server.createMerchant("Bob's Bakery");
    }

    private CliRun.Result as(ServerProcess.Merchant m, String... args) {
        Environment env =
                CliRun.env(dir, Clock.systemUTC(), "FLASHDEAL_SERVER", server.url(), "FLASHDEAL_API_KEY", m.apiKey());
        return CliRun.run(env, args);
    }

    private Deal create(ServerProcess.Merchant m, String title) {
        CliRun.Result r = as(
                m,
                "deal",
                "create",
                "--title",
                title,
                "--description",
                "Till stocks last",
                "--lat",
                "12.9716",
                "--lng",
                "77.5946",
                "--inventory",
                "50",
                "--duration",
                "2h",
                "-o",
                "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return Json.read(r.out(), Deal.class);
    }

    @Test
    void createListShowClose() {
        CliRun.Result created = as(
                alice,
                "deal",
                "create",
                "--title",
                "Masala dosa, 2 for 1",
                "--lat",
                "12.9716",
                "--lng",
                "77.5946",
                "--inventory",
                "50",
                "--duration",
                "1h30m");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out())
                .startsWith("Created deal ")
                .contains("status:      ACTIVE")
                .contains("remaining:   50 of 50");
        String id = created.out().substring("Created deal ".length(), "Created deal ".length() + 36);

        CliRun.Result list = as(alice, "deal", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .contains("REMAINING/TOTAL")
                .containsPattern(id + "\\s+Masala dosa, 2 for 1\\s+ACTIVE\\s+50/50\\s+0\\s+");

        CliRun.Result show = as(alice, "deal", "show", id, "-o", "json");
        Deal deal = Json.read(show.out(), Deal.class);
        assertThat(deal.id()).isEqualTo(UUID.fromString(id));
        assertThat(deal.merchantId()).isEqualTo(alice.id());
        assertThat(deal.claimCount()).isZero();

        CliRun.Result close = as(alice, "deal", "close", id);
        assertThat(close.exitCode()).as(close.toString()).isZero();
        assertThat(close.out()).startsWith("Closed deal " + id + " (ENDED since ");
        assertThat(as(alice, "deal", "show", id).out()).contains("status:      ENDED");
        assertThat(as(alice, "deal", "close", id).exitCode())
                .as("closing again is a no-op")
                .isZero();
    }

    @Test
    void merchantsCannotSeeOrCloseEachOthersDeals() {
        Deal deal = create(alice, "Alice only");

        CliRun.Result show = as(bob, "deal", "show", deal.id().toString());
        CliRun.Result close = as(bob, "deal", "close", deal.id().toString());
        CliRun.Result list = as(bob, "deal", "list", "-o", "json");

        assertThat(show.exitCode()).as(show.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(show.err()).startsWith("flashdeal: ").contains("(404)").doesNotContain("\tat ");
        assertThat(close.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(list.out()).doesNotContain(deal.id().toString());
        assertThat(as(alice, "deal", "show", deal.id().toString()).out()).contains("status:      ACTIVE");
    }

    @Test
    void wrongApiKeyIsExit4() {
        ServerProcess.Merchant mallory =
                new ServerProcess.Merchant(UUID.randomUUID(), "x", UUID.randomUUID(), "fsk_AAAAAAAA_" + "A".repeat(43));
        CliRun.Result r = as(mallory, "deal", "list");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAUTHORIZED);
        assertThat(r.err()).startsWith("flashdeal: not authorised (401): ").hasLineCount(1);
    }

    @Test
    void importingTheSameFileTwiceCreatesEachRowOnceAndReportsRejectedRowsBothTimes() throws Exception {
        ServerProcess.Merchant carol = server.createMerchant("Carol's Chai");
        List<String> lines = List.of(
                "title,description,lat,lng,inventory,starts,ends,duration",
                "\"Chai, masala\",\"The \"\"good\"\" one\",12.97,77.59,20,,,2h",
                "Samosa,,95,77.59,10,,,2h",
                "Vada pav,,12.97,77.59,30,,,90m",
                "Bun maska,,12.97,77.59,lots,,,1h",
                "Filter coffee,,12.97,77.59,15,,,1d");
        Path half = dir.resolve("half.csv");
        Files.write(half, lines.subList(0, 3)); // the run that "failed halfway"
        Path full = dir.resolve("deals.csv");
        Files.write(full, lines);

        CliRun.Result first = as(carol, "deal", "import", half.toString());
        CliRun.Result second = as(carol, "deal", "import", full.toString());
        CliRun.Result third = as(carol, "deal", "import", full.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.IMPORT_REJECTED_ROWS);
        assertThat(first.out()).contains("1 created, 0 already existed, 1 rejected");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.IMPORT_REJECTED_ROWS);
        assertThat(second.out()).contains("2 created, 1 already existed, 2 rejected (5 of 5 rows processed)");
        assertThat(third.out()).contains("0 created, 3 already existed, 2 rejected");
        for (CliRun.Result r : List.of(second, third)) {
            assertThat(r.out())
                    .contains("  row 3: latitude must be between -90 and 90 (got 95.0)")
                    .contains("  row 5: inventory is not a whole number: 'lots'");
        }
        List<Deal> deals =
                List.of(Json.read(as(carol, "deal", "list", "-o", "json").out(), Deal[].class));
        assertThat(deals)
                .extracting(Deal::title)
                .containsExactlyInAnyOrder("Chai, masala", "Vada pav", "Filter coffee");
        assertThat(deals)
                .filteredOn(d -> d.title().equals("Chai, masala"))
                .singleElement()
                .extracting(Deal::description)
                .isEqualTo("The \"good\" one");
    }

    @Test
    void redemptionsListWorksForAMerchantWithNone() {
        CliRun.Result r = as(bob, "redemptions", "list", "--conflicts");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("No conflicting redemptions.");
    }
}
