package com.hyperlocal.flashsale.cli.config;

import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.client.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code config set server|api-key VALUE} and {@code config show}. */
@Command(
        name = "config",
        description = "Show or change the server URL and API key.",
        subcommands = {ConfigCommand.Set.class, ConfigCommand.Show.class})
public final class ConfigCommand {

    /** fsk_ + 8 + _ + 43 base64url chars; anything else is almost surely a paste error. */
    static final Pattern API_KEY = Pattern.compile("fsk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");

    @Command(name = "set", description = "Save a setting to the config file (owner-only, rw-------).")
    public static final class Set implements Callable<Integer> {
        private final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @Parameters(
                index = "0",
                paramLabel = "NAME",
                completionCandidates = Names.class,
                description = "server or api-key")
        String name;

        @Parameters(index = "1", paramLabel = "VALUE", description = "The URL or the API key.")
        String value;

        public Set(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            String v = value.strip();
            String shown;
            if (CliConfig.KEY_SERVER.equals(name)) {
                ConnectionOptions.checkedUrl(v, "the command line");
                shown = v;
            } else if (CliConfig.KEY_API_KEY.equals(name)) {
                if (!API_KEY.matcher(v).matches()) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "that does not look like an API "
                                    + "key (expected fsk_<8 chars>_<43 chars>, as printed by the server)");
                }
                shown = CliConfig.mask(v);
            } else {
                throw new ParameterException(
                        spec.commandLine(), "unknown setting '" + name + "' (use server or api-key)");
            }
            CliConfig.set(env, name, v);
            spec.commandLine().getOut().println("Saved " + name + " = " + shown + " to " + env.configFile());
            return ExitCodes.OK;
        }
    }

    /** For shell completion of NAME. */
    static final class Names extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(List.of(CliConfig.KEY_SERVER, CliConfig.KEY_API_KEY));
        }
    }

    @Command(name = "show", description = "Show the effective settings and where each comes from (API key masked).")
    public static final class Show implements Callable<Integer> {
        private final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        public Show(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            CliConfig config = CliConfig.load(env);
            CliConfig.Setting server = config.server(connectionServer());
            CliConfig.Setting key = config.apiKey(connectionKey());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("server", server.value());
            m.put("serverSource", server.source());
            m.put("apiKey", key.present() ? CliConfig.mask(key.value()) : null);
            m.put("apiKeySource", key.source());
            m.put("configFile", env.configFile().toString());
            m.put("keyCache", env.keyCachePath().toString());
            m.put("keyCachePresent", Files.isRegularFile(env.keyCachePath()));
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.pretty(m));
                return ExitCodes.OK;
            }
            out.printf("server:      %s  (%s)%n", server.value(), server.source());
            out.printf("api key:     %s  (%s)%n", CliConfig.mask(key.value()), key.source());
            out.printf(
                    "config file: %s%s%n",
                    env.configFile(), Files.isRegularFile(env.configFile()) ? "" : "  (not created yet)");
            out.printf(
                    "key cache:   %s%s%n",
                    env.keyCachePath(),
                    Files.isRegularFile(env.keyCachePath()) ? "" : "  (missing: run `flashdeal keys pull`)");
            return ExitCodes.OK;
        }

        private @Nullable String connectionServer() {
            return connection == null ? null : connection.serverFlag();
        }

        private @Nullable String connectionKey() {
            return connection == null ? null : connection.apiKeyFlag();
        }
    }
}
