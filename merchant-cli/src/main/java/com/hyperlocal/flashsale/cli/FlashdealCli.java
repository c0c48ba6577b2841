package com.hyperlocal.flashsale.cli;

import com.hyperlocal.flashsale.cli.config.ConfigCommand;
import com.hyperlocal.flashsale.cli.deal.DealCommand;
import com.hyperlocal.flashsale.cli.keys.KeysCommand;
import com.hyperlocal.flashsale.cli.redemption.RedemptionCommand;
import com.hyperlocal.flashsale.cli.voucher.VoucherCommand;
import com.hyperlocal.flashsale.cli.webhook.WebhooksCommand;
import com.hyperlocal.flashsale.client.ApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.Objects;
import java.util.UUID;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/**
 * Entry point and the one place the {@link CommandLine} is assembled: error handling, exit
 * codes and the injected {@link Environment} are wired here, so tests run exactly what users run.
 */
public final class FlashdealCli {

    // INHERIT: every subcommand gets --help/--version and the exit-code footer.
    @Command(
            name = "flashdeal",
            scope = CommandLine.ScopeType.INHERIT,
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Manage your flash-sale deals, voucher keys and redemptions from a terminal.",
            footerHeading = "%n",
            footer = {
                ExitCodes.HELP_TABLE,
                "",
                "Settings: --server/--api-key, else $FLASHDEAL_SERVER/$FLASHDEAL_API_KEY, else",
                "${XDG_CONFIG_HOME:-~/.config}/flashsale/cli.properties (`flashdeal config set`)."
            },
            subcommands = {
                DealCommand.class,
                KeysCommand.class,
                VoucherCommand.class,
                RedemptionCommand.class,
                WebhooksCommand.class,
                ConfigCommand.class,
                AutoComplete.GenerateCompletion.class
            })
    public static final class Flashdeal {}

    private FlashdealCli() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // QR decoding must not need a display
        System.exit(newCommandLine(Environment.system()).execute(args));
    }

    public static CommandLine newCommandLine(Environment env) {
        CommandLine cl = new CommandLine(new Flashdeal(), new EnvironmentFactory(env));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(UUID.class, new Ids());
        IExitCodeExceptionMapper mapper = FlashdealCli::exitCode;
        cl.setExitCodeExceptionMapper(mapper);
        cl.setParameterExceptionHandler(FlashdealCli::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            int code = mapper.getExitCode(ex);
            PrintWriter err = cmd.getErr();
            // Messages carry the server's detail and bits of input files: made inert like all output.
            err.println("flashdeal: " + Terminal.line(message(ex)));
            if (verbose(parseResult)) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(Terminal.text(trace.toString()));
            } else if (code == ExitCodes.INTERNAL) {
                err.println("flashdeal: this is a bug; run again with --verbose and report the output");
            }
            err.flush();
            return code;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CliException) {
            return ((CliException) ex).exitCode();
        }
        if (ex instanceof ApiException) {
            return ApiErrors.exitCode((ApiException) ex);
        }
        if (ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExitCodes.LOCAL;
        }
        return ExitCodes.INTERNAL;
    }

    /** One plain line: no exception class names (--verbose prints the stack trace for those who want it). */
    private static String message(Throwable ex) {
        if (ex instanceof CliException) {
            return ((CliException) ex).getMessage();
        }
        if (ex instanceof ApiException) {
            return ApiErrors.message((ApiException) ex);
        }
        if (ex instanceof IOException) {
            return CliException.why((IOException) ex);
        }
        if (ex instanceof UncheckedIOException) {
            return CliException.why(Objects.requireNonNull(
                    ((UncheckedIOException) ex).getCause(), "an UncheckedIOException always has a cause"));
        }
        return "unexpected error" + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("flashdeal: " + Terminal.line(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Builds commands, handing {@link Environment} to those whose constructor takes one. */
    static final class EnvironmentFactory implements IFactory {
        private final Environment env;
        private final IFactory fallback = CommandLine.defaultFactory();

        EnvironmentFactory(Environment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(Environment.class);
                return c.newInstance(env);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }

    /** {@code --version}: the version stamped into the jar manifest by the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FlashdealCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "flashdeal " + (v == null ? "(development build)" : v), "Java " + System.getProperty("java.version")
            };
        }
    }
}
