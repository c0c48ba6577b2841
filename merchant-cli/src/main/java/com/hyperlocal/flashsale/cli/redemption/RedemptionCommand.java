package com.hyperlocal.flashsale.cli.redemption;

import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Table;
import com.hyperlocal.flashsale.cli.http.Json;
import com.hyperlocal.flashsale.cli.http.Records.Redemption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redemptions list [--conflicts]}: what the tills reported to the server. */
@Command(name = "redemptions", description = "Vouchers redeemed at your tills, as recorded by the server.",
        subcommands = RedemptionCommand.ListRedemptions.class)
public final class RedemptionCommand {

    @Command(name = "list", description = "List recorded redemptions, newest first.")
    public static final class ListRedemptions implements Callable<Integer> {
        private final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Option(names = "--conflicts", description = "Only redemptions that clash with another (the same voucher used twice).")
        boolean conflicts;

        public ListRedemptions(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            List<Redemption> list = connection.client(env).redemptions(conflicts);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.write(list));
                return ExitCodes.OK;
            }
            if (list.isEmpty()) {
                out.println(conflicts ? "No conflicting redemptions." : "No redemptions recorded yet.");
                return ExitCodes.OK;
            }
            Table t = new Table("SCANNED", "DEAL", "USER", "DEVICE", "STATUS", "CONFLICTS WITH");
            for (Redemption r : list) {
                String status = r.status() != null ? r.status() : r.outcome();
                if (r.refusalReason() != null) {
                    status += " (" + r.refusalReason() + ")";
                }
                t.row(r.scannedAt(), r.dealId(), r.userId(), r.deviceId(), status, conflict(r));
            }
            t.print(out);
            return ExitCodes.OK;
        }

        /** The first redemption this one clashes with: an id, or an object we show compactly. */
        private static String conflict(Redemption r) {
            if (r.conflictsWith() == null || r.conflictsWith().isNull()) {
                return null;
            }
            if (r.conflictsWith().isString()) {
                return r.conflictsWith().asString();
            }
            for (String field : new String[] {"deviceId", "id", "clientId"}) {
                if (r.conflictsWith().hasNonNull(field)) {
                    String at = r.conflictsWith().hasNonNull("scannedAt")
                            ? " at " + r.conflictsWith().get("scannedAt").asString() : "";
                    return field + " " + r.conflictsWith().get(field).asString() + at;
                }
            }
            return r.conflictsWith().toString();
        }
    }
}
