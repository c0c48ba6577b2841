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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-importing against the real server: the same deals in an extended, re-ordered or re-spelled
 * file are found again and none is created twice; an edited row is one new deal; an edited row
 * whose own key was imported before is reported as changed and created once.
 */
@Tag("server")
@Order(3)
class ReimportCliServerTest {

    static ServerProcess server;

    @TempDir
    Path dir;

    /** Tomorrow 08:00 to 11:00 UTC, written as UTC and as India time. */
    static final Instant FROM = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);

    static final Instant UNTIL = FROM.plus(Duration.ofHours(3));

    @BeforeAll
    static void startServer() {
        server = ServerProcess.shared();
    }

    private CliRun.Result run(ServerProcess.Merchant m, String csv, String... more) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "deals", ".csv"), csv);
        Environment env =
                CliRun.env(dir, Clock.systemUTC(), "FLASHDEAL_SERVER", server.url(), "FLASHDEAL_API_KEY", m.apiKey());
        String[] args = new String[3 + more.length];
        args[0] = "deal";
        args[1] = "import";
        args[2] = file.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.run(env, args);
    }

    private List<Deal> deals(ServerProcess.Merchant m) {
        Environment env =
                CliRun.env(dir, Clock.systemUTC(), "FLASHDEAL_SERVER", server.url(), "FLASHDEAL_API_KEY", m.apiKey());
        return List.of(Json.read(CliRun.run(env, "deal", "list", "-o", "json").out(), Deal[].class));
    }

    static final String HEADER = "title,description,lat,lng,inventory,starts,ends,duration\n";

    static String rows() {
        return "\"Masala dosa, 2 for 1\",Crisp with chutney,12.9716,77.5946,50,,,2h\n"
                + "Filter coffee,,12.9720,77.5950,20," + FROM + "," + UNTIL + ",\n"
                + "Idli,Soft,12.97,77.59,30,,,90m\n";
    }

    @Test
    void reImportingAfterInsertingReorderingAndRespellingCreatesNothingTwice() throws Exception {
        ServerProcess.Merchant m = server.createMerchant("Reimport " + System.nanoTime());
        String india = FROM.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).toLocalDateTime() + "+05:30";

        CliRun.Result first = run(m, HEADER + rows());
        CliRun.Result inserted = run(m, HEADER + "\n\nVada pav,,12.97,77.59,10,,,1h\n\n" + rows());
        CliRun.Result reordered = run(
                m,
                "duration,ends,starts,inventory,lng,lat,description,title\n"
                        + "90m,,,30,77.590000,12.970, Soft ,Idli\n"
                        + "1h,,,1_0,77.59,12.97,,Vada  pav\n"
                        + "," + UNTIL + "," + india + ",020,77.595,12.972,,\" Filter\tcoffee \"\n"
                        + "2h ,,,50.0e0,77.5946,12.9716,\"Crisp  with chutney\",\"Masala dosa,  2 for 1\"\n");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("3 created, 0 already existed, 0 rejected");
        assertThat(inserted.exitCode()).as(inserted.toString()).isZero();
        assertThat(inserted.out()).contains("1 created, 3 already existed, 0 rejected");
        // 50.0e0 is not a whole number: that row is refused locally, the others all exist.
        assertThat(reordered.out()).contains("0 created, 3 already existed, 1 rejected");
        assertThat(deals(m))
                .extracting(Deal::title)
                .containsExactlyInAnyOrder("Masala dosa, 2 for 1", "Filter coffee", "Idli", "Vada pav");
    }

    @Test
    void anEditedRowWithoutAKeyIsOneNewDeal() throws Exception {
        ServerProcess.Merchant m = server.createMerchant("Edit " + System.nanoTime());

        run(m, HEADER + rows());
        CliRun.Result edited = run(m, HEADER + rows().replace(",30,", ",35,"));
        CliRun.Result again = run(m, HEADER + rows().replace(",30,", ",35,"));

        assertThat(edited.out()).contains("1 created, 2 already existed, 0 rejected");
        assertThat(again.out()).contains("0 created, 3 already existed, 0 rejected");
        assertThat(deals(m)).extracting(Deal::totalInventory).containsExactlyInAnyOrder(50, 20, 30, 35);
    }

    @Test
    void anEditedRowWithItsOwnKeyIsReportedAsChangedAndCreatedOnce() throws Exception {
        ServerProcess.Merchant m = server.createMerchant("Keyed " + System.nanoTime());
        String header = HEADER.strip() + ",key\n";
        String dosa = "Dosa,,12.97,77.59,50,,,2h,dosa-1\n";
        String chai = "Chai,,12.97,77.59,10,,,2h,chai-1\n";

        CliRun.Result first = run(m, header + dosa + chai);
        // Re-ordered and re-spelled: the keys decide, so nothing is new.
        CliRun.Result same = run(m, header + chai.replace("Chai", " Chai ") + dosa);
        CliRun.Result edited = run(m, header + dosa.replace(",50,", ",60,") + chai);
        CliRun.Result editedAgain = run(m, header + dosa.replace(",50,", ",60,") + chai, "-o", "json");
        CliRun.Result twice = run(m, header + dosa + dosa.replace("Dosa", "Other"));

        assertThat(first.out()).as(first.toString()).contains("2 created, 0 already existed, 0 rejected");
        assertThat(same.out()).contains("0 created, 2 already existed, 0 rejected");
        Deal original = deals(m).stream()
                .filter(d -> d.totalInventory() == 50)
                .findFirst()
                .orElseThrow();
        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        assertThat(edited.out())
                .contains("1 created, 1 already existed, 0 rejected")
                .contains("Changed rows (their key was imported before with other content):\n"
                        + "  row 2: changed since the last import — created as a new deal; deal " + original.id()
                        + " keeps the earlier version (close it with `flashdeal deal close " + original.id()
                        + "` if this one replaces it)\n");
        assertThat(editedAgain.out())
                .contains("\"note\" : \"changed since the key's first import — this version already existed;")
                .contains("\"earlierDealId\" : \"" + original.id() + "\"");
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.IMPORT_REJECTED_ROWS);
        assertThat(twice.out()).contains("  row 3: key 'dosa-1' is already used by row 2; each key names one deal");
        assertThat(deals(m)).extracting(Deal::totalInventory).containsExactlyInAnyOrder(50, 60, 10);
    }
}
