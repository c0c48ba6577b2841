package com.hyperlocal.flashsale.cli.voucher;

import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.Ids;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.client.Revocation;
import java.io.PrintWriter;
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

/** {@code voucher revoke CLAIM_ID|TOKEN}: cancel one voucher (refund, fraud); tills refuse it after their next sync. */
@Command(
        name = "revoke",
        description = {
            "Cancel one voucher (a refund, fraud): your tills refuse it once they have synced.",
            "Revoking a voucher again changes nothing and shows the first revocation."
        })
public final class VoucherRevoke implements Callable<Integer> {

    static final int MAX_REASON = 200;

    private final Environment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(
            paramLabel = "CLAIM_ID|TOKEN",
            description = "The voucher id (as `voucher verify` and `redemptions list` show it) or the voucher text.")
    String voucher;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for your records (up to 200 characters).")
    @Nullable String reason;

    public VoucherRevoke(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        UUID claimId = Ids.parse(voucher)
                .or(() -> UnverifiedClaims.claimId(voucher))
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "'" + abbreviate(voucher) + "' is neither a voucher id nor a voucher token"));
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new ParameterException(spec.commandLine(), "--reason: at most " + MAX_REASON + " characters");
        }
        Revocation r =
                connection.client(env).revoke(claimId, reason == null || reason.isBlank() ? null : reason.strip());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.pretty(r));
        } else {
            out.println("Revoked voucher " + r.claimId() + " of deal " + r.dealId() + " at "
                    + output.times(env).format(r.revokedAt())
                    + (r.reason() == null ? "" : " (" + Terminal.line(r.reason()) + ")")
                    + ". Tills refuse it after their next sync.");
        }
        return ExitCodes.OK;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
