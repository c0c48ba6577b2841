package com.hyperlocal.flashsale.cli.config;

import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.crypto.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Server URL and API key, resolved flag &gt; environment &gt; config file &gt; default, and the
 * owner-only config file {@code cli.properties} behind {@code config set}.
 */
public final class CliConfig {

    public static final String DEFAULT_SERVER = "http://localhost:8080";
    public static final String ENV_SERVER = "FLASHDEAL_SERVER";
    public static final String ENV_API_KEY = "FLASHDEAL_API_KEY";
    public static final String KEY_SERVER = "server";
    public static final String KEY_API_KEY = "api-key";

    /** A resolved value and where it came from, for {@code config show}. */
    /** A setting and where it came from; {@code value} is null when it is set nowhere. */
    public record Setting(@Nullable String value, String source) {
        public boolean present() {
            return value != null;
        }
    }

    private final Environment env;
    private final Properties file;

    private CliConfig(Environment env, Properties file) {
        this.env = env;
        this.file = file;
    }

    public static CliConfig load(Environment env) {
        return new CliConfig(env, read(env.configFile()));
    }

    public Setting server(@Nullable String flag) {
        return resolve(flag, "--server", ENV_SERVER, KEY_SERVER)
                .orElseGet(() -> new Setting(DEFAULT_SERVER, "default"));
    }

    public Setting apiKey(@Nullable String flag) {
        return resolve(flag, "--api-key", ENV_API_KEY, KEY_API_KEY).orElseGet(() -> new Setting(null, "not set"));
    }

    private Optional<Setting> resolve(@Nullable String flag, String flagName, String envName, String fileKey) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(new Setting(flag.strip(), flagName));
        }
        Optional<String> fromEnv = env.get(envName);
        if (fromEnv.isPresent()) {
            return Optional.of(new Setting(fromEnv.get().strip(), "environment " + envName));
        }
        String fromFile = file.getProperty(fileKey);
        if (fromFile != null && !fromFile.isBlank()) {
            return Optional.of(new Setting(fromFile.strip(), "config file " + env.configFile()));
        }
        return Optional.empty();
    }

    /** Sets one key in the config file, keeping the others; the file stays rw------- . */
    public static void set(Environment env, String key, String value) {
        Path target = env.configFile();
        Properties props = read(target);
        props.setProperty(key, value);
        StringWriter text = new StringWriter();
        try {
            props.store(text, "flashdeal CLI settings (holds an API key: keep it private)");
            write(target, text.toString());
        } catch (IOException e) {
            throw CliException.local("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** {@code fsk_ab12…(masked)}: enough to tell keys apart, never enough to use one. */
    public static String mask(@Nullable String apiKey) {
        if (apiKey == null) {
            return "(not set)";
        }
        return (apiKey.length() > 12 ? apiKey.substring(0, 8) : "") + "…(masked)";
    }

    private static Properties read(Path path) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return props; // no config yet: defaults apply
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.local("cannot read config file " + path + ": " + e.getMessage(), e);
        }
        return props;
    }

    private static void write(Path target, String content) throws IOException {
        AtomicFiles.writeOwnerOnly(target, content); // holds the API key
    }
}
