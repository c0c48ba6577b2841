package com.hyperlocal.flashsale.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConfigStoreTest {

    @TempDir
    Path home;

    @Test
    void firstStartMakesADeviceIdOnceAndKeepsTheFileOwnerOnly() throws Exception {
        AppPaths paths = AppPaths.of(Map.of(), home);
        DeviceConfigStore store = new DeviceConfigStore(paths);

        DeviceConfig first = store.loadOrCreate();
        DeviceConfig again = store.loadOrCreate();

        assertThat(paths.configFile()).isEqualTo(home.resolve(".config/flashsale/verifier.properties"));
        assertThat(first.deviceId()).matches("counter-[0-9a-f]{8}").isEqualTo(again.deviceId());
        assertThat(first.maxKeyAge()).isEqualTo(Duration.ofDays(7));
        assertThat(first.keyCache()).isEqualTo(home.resolve(".config/flashsale/key-cache.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.configFile())))
                .isEqualTo("rw-------");

        UUID merchant = UUID.randomUUID();
        store.save(first.withServer("https://flashsale.example", "secret-key", merchant, Duration.ofDays(3)));
        DeviceConfig loaded = store.loadOrCreate();
        assertThat(loaded.serverUrl()).isEqualTo("https://flashsale.example");
        assertThat(loaded.apiKey()).isEqualTo("secret-key");
        assertThat(loaded.merchantId()).isEqualTo(merchant);
        assertThat(loaded.maxKeyAge()).isEqualTo(Duration.ofDays(3));
        assertThat(loaded.toString()).doesNotContain("secret-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.configFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void xdgDirectoriesAndOverridesAreHonoured() {
        AppPaths p = AppPaths.of(Map.of("XDG_CONFIG_HOME", "/etc/xdg-conf", "XDG_DATA_HOME", "/var/xdg-data"), home);
        assertThat(p.configFile()).isEqualTo(Path.of("/etc/xdg-conf/flashsale/verifier.properties"));
        assertThat(p.database()).isEqualTo(Path.of("/var/xdg-data/flashsale/verifier.db"));
        assertThat(p.keyCache()).isEqualTo(Path.of("/etc/xdg-conf/flashsale/key-cache.json"));

        AppPaths o = AppPaths.of(
                Map.of("FLASHSALE_VERIFIER_CONFIG", "/srv/till2.properties", "FLASHSALE_KEY_CACHE", "/srv/keys.json"),
                home);
        assertThat(o.configFile()).isEqualTo(Path.of("/srv/till2.properties"));
        assertThat(o.keyCache()).isEqualTo(Path.of("/srv/keys.json"));
    }

    @Test
    void anIsolatedHomeOverridesEveryEnvironmentVariable() {
        Map<String, String> env = Map.of(
                "XDG_CONFIG_HOME", "/etc/xdg-conf",
                "XDG_DATA_HOME", "/var/xdg-data",
                "FLASHSALE_VERIFIER_CONFIG", "/srv/till2.properties",
                "FLASHSALE_KEY_CACHE", "/srv/keys.json");
        Path isolated = home.resolve("smoke-home");

        AppPaths p = AppPaths.from(isolated.toString(), env, home);

        assertThat(List.of(p.configFile(), p.database(), p.keyCache()))
                .allSatisfy(f -> assertThat(f).startsWithRaw(isolated));
        assertThat(AppPaths.from(null, env, home)).isEqualTo(AppPaths.of(env, home));
    }
}
