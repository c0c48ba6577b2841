package com.hyperlocal.flashsale.cli;

import com.hyperlocal.flashsale.crypto.KeyCache;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the CLI reads from the outside world, injected so tests never touch the real home,
 * environment, clock or terminal.
 *
 * @param env              environment variables (FLASHDEAL_SERVER, FLASHDEAL_API_KEY, ...)
 * @param configDir        {@code ${XDG_CONFIG_HOME:-~/.config}/flashsale}: cli.properties and the
 *                         default key cache live here
 * @param clock            "now" and the zone for local date-times such as {@code 2026-03-01T18:00}
 * @param stdin            where {@code voucher verify -} reads a token
 * @param stderrIsTerminal whether progress may redraw a bar on stderr
 */
public record Environment(
        Map<String, String> env, Path configDir, Clock clock, InputStream stdin, boolean stderrIsTerminal) {

    public Environment {
        env = Map.copyOf(env);
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** The real process environment. */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = env.get("XDG_CONFIG_HOME");
        Path configHome =
                xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        // Java 17 cannot ask whether stderr alone is a terminal; a console (stdin and stdout are
        // terminals) plus a real TERM is the usual interactive case. Redirected runs get lines.
        boolean terminal = System.console() != null && env.get("TERM") != null && !"dumb".equals(env.get("TERM"));
        return new Environment(env, configHome.resolve("flashsale"), Clock.systemDefaultZone(), System.in, terminal);
    }

    /** The variable, unless it is unset or blank. */
    public Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** {@code $FLASHSALE_KEY_CACHE}, else key-cache.json in the config directory. */
    public Path keyCachePath() {
        return get(KeyCache.PATH_ENV).map(Path::of).orElseGet(() -> configDir.resolve("key-cache.json"));
    }

    public Path configFile() {
        return configDir.resolve("cli.properties");
    }
}
