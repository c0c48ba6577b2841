package com.hyperlocal.flashsale.cli.webhook;

import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Table;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.client.Webhooks;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code webhooks add|list|remove|test|deliveries}: signed HTTPS callbacks for events about your deals. */
@Command(
        name = "webhooks",
        description = "Endpoints the server calls (signed) when something happens to your deals.",
        subcommands = {
            WebhooksCommand.Add.class,
            WebhooksCommand.ListWebhooks.class,
            WebhooksCommand.Remove.class,
            WebhooksCommand.Test.class,
            WebhooksCommand.Deliveries.class
        })
public final class WebhooksCommand {

    /** Shared plumbing: the API and the output stream. */
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

        Webhooks api() {
            return connection.client(env).webhooks();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(
            name = "add",
            description = "Register an endpoint (https; plain http only for localhost). "
                    + "Prints the signing secret ONCE: store it now.")
    public static final class Add extends Base {
        @Parameters(paramLabel = "URL", description = "e.g. https://shop.example/flashsale-hook")
        String url;

        public Add(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            Webhooks.Registered r = api().add(url);
            if (output.json()) {
                out().println(Json.pretty(r));
                return ExitCodes.OK;
            }
            out().println("Webhook " + Terminal.line(r.id()) + " registered for " + Terminal.line(r.url()));
            out().println("Signing secret (shown once, keep it safe): " + Terminal.line(r.secret()));
            out().println("Verify each delivery: HMAC-SHA256(secret, <Flashsale-Timestamp> + \".\" + body) "
                    + "== Flashsale-Signature (v1=<hex>).");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Your registered endpoints.")
    public static final class ListWebhooks extends Base {
        public ListWebhooks(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            List<Webhooks.Webhook> list = api().list();
            if (output.json()) {
                out().println(Json.pretty(list));
            } else if (list.isEmpty()) {
                out().println("No webhooks registered.");
            } else {
                Table t = new Table("ID", "URL", "CREATED");
                list.forEach(w -> t.row(w.id(), w.url(), w.createdAt()));
                t.print(out());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Stop calling an endpoint (its pending deliveries are dropped).")
    public static final class Remove extends Base {
        @Parameters(paramLabel = "ID")
        UUID id;

        public Remove(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            api().remove(id);
            if (!output.json()) {
                out().println("Webhook " + id + " removed.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "test",
            description =
                    "Send a signed webhook.test event now, once; exit 10 if the endpoint " + "did not answer 2xx.")
    public static final class Test extends Base {
        @Parameters(paramLabel = "ID")
        UUID id;

        public Test(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            Webhooks.Delivery d = api().test(id);
            if (output.json()) {
                out().println(Json.pretty(d));
            } else if ("DELIVERED".equals(d.status())) {
                out().println("Delivered: the endpoint answered " + d.lastHttpStatus() + ".");
            }
            if (!"DELIVERED".equals(d.status())) {
                throw new CliException(
                        ExitCodes.WEBHOOK_TEST_FAILED,
                        "the endpoint did not accept the test event: "
                                + (d.lastError() == null ? "no answer" : d.lastError()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "deliveries",
            description = "Recent deliveries, newest first; --status parked shows those that "
                    + "gave up after a day of retries.")
    public static final class Deliveries extends Base {
        @Option(names = "--status", paramLabel = "STATUS", description = "pending, delivered or parked")
        String status;

        @Option(names = "--webhook", paramLabel = "ID", description = "Only this endpoint's deliveries.")
        UUID webhook;

        @Option(names = "--limit", defaultValue = "50", description = "1-500. Default: ${DEFAULT-VALUE}.")
        int limit;

        public Deliveries(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            List<Webhooks.Delivery> list =
                    api().deliveries(status == null ? null : status.toUpperCase(Locale.ROOT), webhook, limit);
            if (output.json()) {
                out().println(Json.pretty(list));
            } else if (list.isEmpty()) {
                out().println("No deliveries" + (status == null ? "" : " with status " + status) + ".");
            } else {
                Table t = new Table("CREATED", "EVENT", "DEAL", "STATUS", "ATTEMPTS", "LAST", "NEXT");
                list.forEach(d -> t.row(
                        d.createdAt(),
                        d.eventType(),
                        d.dealId(),
                        d.status(),
                        d.attempts(),
                        d.lastHttpStatus() != null ? "HTTP " + d.lastHttpStatus() : Table.clip(d.lastError(), 40),
                        "PENDING".equals(d.status()) ? d.nextAttemptAt() : null));
                t.print(out());
            }
            return ExitCodes.OK;
        }
    }
}
