package com.hyperlocal.flashsale.cli.keys;

import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.http.ApiClient;
import com.hyperlocal.flashsale.cli.http.Json;
import com.hyperlocal.flashsale.cli.http.Records.Merchant;
import com.hyperlocal.flashsale.cli.http.Records.VoucherConfiguration;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keys pull}: refresh the key cache that offline verification (CLI and desktop) reads. */
@Command(name = "keys", description = "Manage the local copy of the server's voucher keys.",
        subcommands = KeysCommand.Pull.class)
public final class KeysCommand {

    @Command(name = "pull", description = {
        "Download the server's public voucher keys, issuer and your merchant id into the key cache",
        "used by `voucher verify` and the desktop verifier. Run it while online, at least daily."})
    public static final class Pull implements Callable<Integer> {
        private final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Option(names = "--key-cache", paramLabel = "FILE",
                description = "Where to write it. Default: $FLASHSALE_KEY_CACHE or ~/.config/flashsale/key-cache.json.")
        Path keyCache;

        public Pull(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            ApiClient client = connection.optionalKeyClient(env);
            VoucherConfiguration config = client.voucherConfiguration();
            if (config.issuer() == null || config.issuer().isBlank()) {
                throw new CliException(ExitCodes.UNAVAILABLE, "the server's voucher configuration names no issuer");
            }
            TrustedKeys keys;
            try {
                keys = TrustedKeys.fromJwksJson(client.jwksJson(config.jwksUri()));
            } catch (VoucherKeyException e) {
                throw new CliException(ExitCodes.UNAVAILABLE, "the server published unusable keys: " + e.getMessage());
            }
            if (keys.size() == 0) {
                throw new CliException(ExitCodes.UNAVAILABLE, "the server published no usable voucher key");
            }
            // The merchant id pins vouchers to this shop; without a key we can't learn it.
            Merchant me = connection.hasApiKey(env) ? client.me() : null;
            if (me == null) {
                spec.commandLine().getErr().println("flashdeal: warning: no API key, so the key cache has no "
                        + "merchant id and cannot verify vouchers yet; set one and pull again");
            }
            Path target = keyCache != null ? keyCache : env.keyCachePath();
            KeyCache cache = new KeyCache(config.issuer(), me == null ? null : me.id(),
                    client.base().toString(), env.clock().instant(), keys);
            try {
                cache.save(target);
            } catch (IOException e) {
                throw CliException.local("cannot write the key cache " + target + ": " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("keyCache", target.toString());
                m.put("issuer", cache.issuer());
                m.put("merchantId", cache.merchantId());
                m.put("merchantName", me == null ? null : me.name());
                m.put("kids", keys.kids());
                m.put("fetchedAt", cache.fetchedAt());
                out.println(Json.write(m));
            } else {
                out.printf("Saved %d key(s) %s for issuer %s%s to %s%n", keys.size(), keys.kids(),
                        cache.issuer(), me == null ? "" : ", merchant " + me.name() + " (" + me.id() + ")", target);
            }
            return ExitCodes.OK;
        }
    }
}
