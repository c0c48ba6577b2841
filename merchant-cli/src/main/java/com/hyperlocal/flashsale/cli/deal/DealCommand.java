package com.hyperlocal.flashsale.cli.deal;

import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.Created;
import com.hyperlocal.flashsale.client.Deal;
import com.hyperlocal.flashsale.client.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deal create|list|show|close|import}. */
@Command(
        name = "deal",
        description = "Create, list, show, close and bulk-import your deals.",
        subcommands = {
            DealCommand.Create.class,
            DealCommand.ListDeals.class,
            DealCommand.Show.class,
            DealCommand.Close.class,
            DealImport.class
        })
public final class DealCommand {

    /** Common plumbing of the deal subcommands. */
    abstract static class Base implements Callable<Integer> {
        final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        Base(Environment env) {
            this.env = env;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(Deal deal) {
            if (output.json()) {
                out().println(Json.pretty(deal));
            } else {
                DealViews.details(out(), deal, output.times(env));
            }
        }
    }

    @Command(name = "create", description = "Create a deal. Checked locally before it is sent.")
    public static final class Create extends Base {
        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "Up to 120 characters.")
        @SuppressWarnings("NullAway.Init") // required: picocli sets it before call()
        String title;

        @Option(names = "--description", paramLabel = "TEXT", description = "Up to 2000 characters.")
        @Nullable String description;

        @Option(names = "--lat", required = true, paramLabel = "LAT", description = "Latitude, -90..90.")
        double lat;

        @Option(names = "--lng", required = true, paramLabel = "LNG", description = "Longitude, -180..180.")
        double lng;

        @Option(names = "--inventory", required = true, paramLabel = "N", description = "Units on offer, 1..1,000,000.")
        long inventory;

        @Option(
                names = "--starts",
                paramLabel = "TIME",
                description = "2026-03-01T18:00 (local) or 2026-03-01T12:30:00Z. Default: now.")
        @Nullable String starts;

        @Option(names = "--ends", paramLabel = "TIME", description = "End time; or give --duration.")
        @Nullable String ends;

        @Option(
                names = "--duration",
                paramLabel = "DURATION",
                converter = DurationParser.class,
                description = "90m, 2h, 1d, 1h30m or PT2H; at most 366 days.")
        @Nullable Duration duration;

        public Create(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            Instant now = env.clock().instant();
            DealDraft draft = new DealDraft(
                    title, description, lat, lng, inventory, time(starts, "--starts"), time(ends, "--ends"), duration);
            List<String> problems = draft.problems(now);
            if (!problems.isEmpty()) {
                throw new ParameterException(spec.commandLine(), String.join("; ", problems));
            }
            Created created = connection.client(env).createDeal(draft.toRequest(now), null);
            if (output.json()) {
                out().println(Json.pretty(created.deal()));
            } else {
                out().println("Created deal " + created.deal().id() + ".");
                DealViews.details(out(), created.deal(), output.times(env));
            }
            return ExitCodes.OK;
        }

        private @Nullable Instant time(@Nullable String value, String option) {
            if (value == null) {
                return null;
            }
            try {
                return DateTimes.parse(value, env.clock().getZone());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "list", description = "List your deals, newest first.")
    public static final class ListDeals extends Base {
        public ListDeals(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            List<Deal> deals = connection.client(env).deals();
            if (output.json()) {
                out().println(Json.pretty(deals));
            } else {
                DealViews.table(out(), deals, output.times(env));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one of your deals.")
    public static final class Show extends Base {
        @Parameters(paramLabel = "ID", description = "The deal id (from `deal list`).")
        UUID id;

        public Show(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            print(connection.client(env).deal(id));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "close",
            description = {
                "End a deal now. Closing an ended deal changes nothing.",
                "Vouchers already claimed stay valid unless --void-vouchers is given."
            })
    public static final class Close extends Base {
        @Parameters(paramLabel = "ID", description = "The deal id (from `deal list`).")
        UUID id;

        @Option(
                names = "--void-vouchers",
                description =
                        "Also revoke every voucher of the deal not yet redeemed (tills refuse them after their next sync).")
        boolean voidVouchers;

        public Close(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            Deal deal = connection.client(env).closeDeal(id, voidVouchers);
            if (output.json()) {
                out().println(Json.pretty(deal));
                return ExitCodes.OK;
            }
            out().println("Closed deal " + deal.id() + " (" + Terminal.line(deal.status()) + " since "
                    + output.times(env).format(deal.validUntil()) + ").");
            if (deal.voidedVouchers() != null) {
                out().println(deal.voidedVouchers() + " unredeemed voucher(s) revoked now.");
            }
            return ExitCodes.OK;
        }
    }
}
