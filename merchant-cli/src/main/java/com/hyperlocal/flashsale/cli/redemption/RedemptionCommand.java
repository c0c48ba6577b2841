package com.hyperlocal.flashsale.cli.redemption;

import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Table;
import com.hyperlocal.flashsale.cli.Times;
import com.hyperlocal.flashsale.cli.voucher.UnverifiedClaims;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.client.Redemption;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redemptions list [--conflicts]}: what the tills reported to the server. */
@Command(
        name = "redemptions",
        description = "Vouchers redeemed at your tills, as recorded by the server.",
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

        @Option(
                names = "--conflicts",
                description = "Only conflicts: a voucher redeemed twice, or redeemed and revoked.")
        boolean conflicts;

        public ListRedemptions(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            List<Redemption> list = connection.client(env).redemptions(conflicts);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.pretty(list));
                return ExitCodes.OK;
            }
            if (list.isEmpty()) {
                out.println(conflicts ? "No conflicting redemptions." : "No redemptions recorded yet.");
                return ExitCodes.OK;
            }
            Times times = output.times(env);
            Table t = new Table("SCANNED", "DEAL", "USER", "DEVICE", "STATUS", "CONFLICT");
            boolean unverified = false;
            for (Redemption r : list) {
                String status = r.status() != null ? r.status() : r.outcome();
                if (r.refusalReason() != null) {
                    status += " (" + r.refusalReason() + ")";
                }
                String deal = r.dealId();
                String user = r.userId();
                if (deal == null && user == null && r.token() != null) {
                    // A refused scan: the server knows only the token; show what it claims, marked.
                    Map<String, Object> claims = UnverifiedClaims.peek(r.token());
                    deal = claims.containsKey("deal") ? claims.get("deal") + "*" : null;
                    user = claims.containsKey("sub") ? claims.get("sub") + "*" : null;
                    unverified |= deal != null || user != null;
                }
                t.row(times.format(r.scannedAt()), deal, user, r.deviceId(), status, conflict(r, times));
            }
            t.print(out);
            if (unverified) {
                out.println("* read from the refused voucher itself: not verified, may be forged");
            }
            return ExitCodes.OK;
        }

        /** Why it is a conflict, and the redemption accepted first when there is one. */
        private static @Nullable String conflict(Redemption r, Times times) {
            String first = r.conflictsWith() == null
                    ? null
                    : "first at " + r.conflictsWith().deviceId() + " "
                            + times.format(r.conflictsWith().scannedAt());
            if (r.conflictReason() == null) {
                return first;
            }
            return first == null ? r.conflictReason() : r.conflictReason() + "; " + first;
        }
    }
}
