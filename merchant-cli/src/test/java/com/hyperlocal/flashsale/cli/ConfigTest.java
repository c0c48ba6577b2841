package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    static final String KEY = "fsk_ab12cd34_" + "Q".repeat(43);
    static final String OTHER_KEY = "fsk_zz99yy88_" + "W".repeat(43);

    @TempDir
    Path dir;

    @Test
    void setWritesAnOwnerOnlyFileAndShowMasksTheKey() throws Exception {
        Environment env = CliRun.env(dir, Clock.systemUTC());

        CliRun.Result set = CliRun.run(env, "config", "set", "api-key", KEY);
        CliRun.Result server = CliRun.run(env, "config", "set", "server", "https://deals.example:8443");
        CliRun.Result show = CliRun.run(env, "config", "show");

        assertThat(set.exitCode()).isZero();
        assertThat(set.out()).contains("fsk_ab12…(masked)").doesNotContain(KEY);
        assertThat(server.exitCode()).isZero();
        Path file = env.configFile();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).contains("api-key=" + KEY).contains("server=https\\://deals.example\\:8443");
        assertThat(show.out())
                .contains("server:      https://deals.example:8443  (config file ")
                .contains("api key:     fsk_ab12…(masked)  (config file ")
                .doesNotContain(KEY);
        try (var files = Files.list(file.getParent())) { // no temp file left behind
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void precedenceIsFlagThenEnvironmentThenFileThenDefault() {
        Environment none = CliRun.env(dir, Clock.systemUTC());
        assertThat(CliRun.run(none, "config", "show").out())
                .contains("server:      http://localhost:8080  (default)")
                .contains("api key:     (not set)  (not set)");

        CliRun.run(none, "config", "set", "server", "https://from-file:1");
        CliRun.run(none, "config", "set", "api-key", KEY);
        assertThat(CliRun.run(none, "config", "show").out()).contains("https://from-file:1  (config file");

        Environment withEnv = CliRun.env(
                dir, Clock.systemUTC(), "FLASHDEAL_SERVER", "https://from-env:2", "FLASHDEAL_API_KEY", OTHER_KEY);
        String fromEnv = CliRun.run(withEnv, "config", "show").out();
        assertThat(fromEnv)
                .contains("https://from-env:2  (environment FLASHDEAL_SERVER)")
                .contains("fsk_zz99…(masked)  (environment FLASHDEAL_API_KEY)");

        String fromFlag = CliRun.run(withEnv, "config", "show", "--server", "https://from-flag:3", "--api-key", KEY)
                .out();
        assertThat(fromFlag).contains("https://from-flag:3  (--server)").contains("fsk_ab12…(masked)  (--api-key)");
    }

    @Test
    void showAsJsonNeverHoldsTheKey() {
        Environment env = CliRun.env(dir, Clock.systemUTC(), "FLASHDEAL_API_KEY", KEY);
        CliRun.Result r = CliRun.run(env, "config", "show", "--output", "json");

        assertThat(r.out())
                .contains("\"apiKey\" : \"fsk_ab12…(masked)\"")
                .doesNotContain(KEY)
                .contains("\"keyCachePresent\" : false");
    }

    @Test
    void badValuesAreUsageErrorsAndNothingIsWritten() {
        Environment env = CliRun.env(dir, Clock.systemUTC());

        CliRun.Result key = CliRun.run(env, "config", "set", "api-key", "hunter2");
        CliRun.Result url = CliRun.run(env, "config", "set", "server", "localhost:8080");
        CliRun.Result name = CliRun.run(env, "config", "set", "colour", "blue");

        assertThat(key.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(key.err()).contains("does not look like an API key");
        assertThat(url.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).contains("is not an http:// or https:// URL");
        assertThat(name.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(env.configFile())).isFalse();
    }

    @Test
    void badServerFromTheEnvironmentNamesItsSource() {
        Environment env = CliRun.env(dir, Clock.systemUTC(), "FLASHDEAL_SERVER", "ftp://x", "FLASHDEAL_API_KEY", KEY);
        CliRun.Result r = CliRun.run(env, "deal", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("(from environment FLASHDEAL_SERVER)");
    }
}
