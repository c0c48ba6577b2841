package com.hyperlocal.flashsale.cli.voucher;

import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code voucher verify}: fully offline, against the key cache written by {@code keys pull}. */
@Command(
        name = "voucher",
        description = "Check vouchers at the counter, offline; revoke a voucher.",
        subcommands = {VoucherCommand.Verify.class, VoucherRevoke.class})
public final class VoucherCommand {

    /** Keys older than this still verify, but the merchant is told to refresh them. */
    static final Duration STALE_AFTER = Duration.ofDays(1);

    @Command(
            name = "verify",
            description = {
                "Verify a voucher offline. Prints VALID or INVALID with the reason.",
                "Exit code 0 when valid, 1 when it must not be honoured."
            })
    public static final class Verify implements Callable<Integer> {
        private final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Parameters(paramLabel = "TOKEN", description = "The voucher text, or - to read it from stdin.")
            @Nullable String token;

            @Option(
                    names = "--qr",
                    paramLabel = "IMAGE",
                    description = "A photo or screenshot (PNG, JPEG) of the QR code.")
            @Nullable Path qr;
        }

        @Option(
                names = "--key-cache",
                paramLabel = "FILE",
                description = "Default: $FLASHSALE_KEY_CACHE or ~/.config/flashsale/key-cache.json.")
        @Nullable Path keyCache;

        public Verify(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            String token = token();
            KeyCache cache = loadCache();
            if (cache.merchantId() == null) {
                throw CliException.local("the key cache has no merchant id; run `flashdeal keys pull` "
                        + "with your API key configured");
            }
            VerificationResult result = cache.verifier(env.clock()).verify(token);
            PrintWriter out = spec.commandLine().getOut();
            Duration age = cache.age(env.clock());
            if (age.compareTo(STALE_AFTER) > 0) {
                spec.commandLine()
                        .getErr()
                        .println("flashdeal: note: voucher keys were fetched " + age.toHours()
                                + " hours ago; run `flashdeal keys pull` when online");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("valid", result.isValid());
            if (result instanceof VerificationResult.Valid) {
                VoucherClaims c = ((VerificationResult.Valid) result).claims();
                m.put("voucherId", c.claimId());
                m.put("deal", c.dealId());
                m.put("user", c.userId());
                m.put("expiresAt", c.expiresAt());
                if (output.json()) {
                    out.println(Json.pretty(m));
                } else {
                    out.println("VALID");
                    out.println("deal:    " + Terminal.line(c.dealId()));
                    out.println("user:    " + Terminal.line(c.userId()));
                    out.println("expires: " + output.times(env).format(c.expiresAt()));
                    out.println("voucher: " + Terminal.line(c.claimId())
                            + "  (record it: a valid voucher may be redeemed once)");
                }
                return ExitCodes.OK;
            }
            VerificationResult.Invalid invalid = (VerificationResult.Invalid) result;
            m.put("reason", invalid.reason().name());
            m.put("message", invalid.message());
            // Shown so the assistant can talk to the shopper; the signature did not vouch for it.
            Map<String, Object> unverified = UnverifiedClaims.peek(token);
            m.put("unverifiedClaims", unverified);
            if (output.json()) {
                out.println(Json.pretty(m));
            } else {
                out.println("INVALID: " + Terminal.line(invalid.message()));
                out.println("reason:  " + invalid.reason());
                if (!unverified.isEmpty()) {
                    out.println("claims (unverified, do not trust): deal " + Terminal.line(unverified.get("deal"))
                            + ", user " + Terminal.line(unverified.get("sub")) + ", expiry "
                            + (unverified.get("exp") == null
                                    ? null
                                    : output.times(env)
                                            .format(java.time.Instant.parse((String) unverified.get("exp")))));
                }
            }
            return ExitCodes.VOUCHER_INVALID;
        }

        private String token() {
            Path qr = source.qr;
            if (qr != null) {
                byte[] image;
                try {
                    image = Files.readAllBytes(qr);
                } catch (IOException e) {
                    throw CliException.cannotRead(qr, e);
                }
                return QrCodes.decode(image)
                        .orElseThrow(() ->
                                CliException.local("no QR code found in " + qr + " (try a sharper, closer image)"));
            }
            String token = Objects.requireNonNull(source.token, "the exclusive group gives a TOKEN or --qr");
            if ("-".equals(token)) {
                try {
                    return new String(env.stdin().readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw CliException.local("cannot read the token from stdin: " + CliException.why(e), e);
                }
            }
            return token.strip();
        }

        private KeyCache loadCache() {
            Path path = keyCache != null ? keyCache : env.keyCachePath();
            try {
                return KeyCache.load(path);
            } catch (NoSuchFileException e) {
                throw CliException.local("no key cache at " + path + "; run `flashdeal keys pull` while online", e);
            } catch (IOException e) {
                throw CliException.local("cannot read the key cache " + path + ": " + CliException.why(e), e);
            } catch (VoucherKeyException e) {
                throw CliException.local(
                        "the key cache " + path + " is unusable (" + e.getMessage()
                                + "); run `flashdeal keys pull` again",
                        e);
            }
        }
    }
}
