package com.hyperlocal.flashsale.verifier.config;

import com.hyperlocal.flashsale.crypto.KeyCache;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the app keeps its files, following the XDG base directories so the merchant CLI and this
 * app find the same key cache: settings in {@code ${XDG_CONFIG_HOME:-~/.config}/flashsale/},
 * the redemption database in {@code ${XDG_DATA_HOME:-~/.local/share}/flashsale/}.
 */
public record AppPaths(Path configFile, Path database, Path keyCache) {

    /** Overrides the settings file location (e.g. two "devices" on one machine for a demo). */
    public static final String CONFIG_ENV = "FLASHSALE_VERIFIER_CONFIG";

    /**
     * A folder that holds everything, whatever the environment says: a throw-away till that cannot
     * touch the user's settings, database or server (the build's smoke run).
     */
    public static final String HOME_PROPERTY = "verifier.home";

    public static AppPaths fromEnvironment() {
        return from(System.getProperty(HOME_PROPERTY), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static AppPaths from(@Nullable String isolatedHome, Map<String, String> env, Path home) {
        return isolatedHome != null && !isolatedHome.isBlank() ? of(Map.of(), Path.of(isolatedHome)) : of(env, home);
    }

    public static AppPaths of(Map<String, String> env, Path home) {
        Path configHome = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path dataHome = xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        String explicit = env.get(CONFIG_ENV);
        Path config = explicit != null && !explicit.isBlank()
                ? Path.of(explicit)
                : configHome.resolve("flashsale").resolve("verifier.properties");
        return new AppPaths(
                config, dataHome.resolve("flashsale").resolve("verifier.db"), KeyCache.defaultPath(env, home));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // The XDG spec says relative values are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
