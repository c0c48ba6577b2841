package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpAndVersionTest {

    @TempDir
    Path dir;

    private CliRun.Result run(String... args) {
        return CliRun.run(CliRun.env(dir, Clock.systemUTC()), args);
    }

    @Test
    void helpListsCommandsAndTheExitCodeTable() {
        CliRun.Result r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("deal", "keys", "voucher", "redemptions", "config")
                .contains("Exit codes:")
                .contains("8  import finished with rejected rows")
                .contains("generate-completion");
    }

    @Test
    void everyDataCommandOffersOutputAndVerbose() {
        for (String[] cmd : new String[][] {
            {"deal", "create"},
            {"deal", "list"},
            {"deal", "show"},
            {"deal", "close"},
            {"deal", "import"},
            {"keys", "pull"},
            {"voucher", "verify"},
            {"voucher", "revoke"},
            {"redemptions", "list"},
            {"config", "show"}
        }) {
            CliRun.Result r = run(cmd[0], cmd[1], "--help");
            assertThat(r.out())
                    .as(String.join(" ", cmd))
                    .contains("--output=FORMAT")
                    .contains("--verbose")
                    .contains("--utc");
        }
    }

    @Test
    void versionAndCompletionScript() {
        CliRun.Result v = run("--version");
        CliRun.Result c = run("generate-completion");

        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("flashdeal ");
        assertThat(c.exitCode()).isZero();
        assertThat(c.out()).contains("complete -F").contains("flashdeal").contains("import");
    }

    @Test
    void unknownOptionsAndMissingSubcommandsAreUsageErrors() {
        CliRun.Result typo = run("deal", "lst");
        CliRun.Result bare = run("deal");
        CliRun.Result badId = run("deal", "show", "not-a-uuid", "--api-key", "k");

        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("Unmatched argument").contains("list");
        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badId.err())
                .contains("'not-a-uuid' is not an id")
                .doesNotContain("Exception")
                .doesNotContain("java.");
    }
}
