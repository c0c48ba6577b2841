package com.hyperlocal.flashsale.cli.keys;

import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.ConnectionOptions;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.OutputOptions;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.FlashSaleClient;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.client.KeySets;
import com.hyperlocal.flashsale.client.Merchant;
import com.hyperlocal.flashsale.crypto.KeyCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keys pull}: refresh the key cache that offline verification (CLI and desktop) reads. */
@Command(
        name = "keys",
        description = "Manage the local copy of the server's voucher keys.",
        subcommands = KeysCommand.Pull.class)
public final class KeysCommand {

    @Command(
            name = "pull",
            description = {
                "Download the server's public voucher keys, issuer and your merchant id into the key cache",
                "used by `voucher verify` and the desktop verifier. Run it while online, at least daily."
            })
    public static final class Pull implements Callable<Integer> {
        private final Environment env;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        OutputOptions output;

        @Option(
                names = "--key-cache",
                paramLabel = "FILE",
                description = "Where to write it. Default: $FLASHSALE_KEY_CACHE or ~/.config/flashsale/key-cache.json.")
        @Nullable Path keyCache;

        public Pull(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            FlashSaleClient client = connection.optionalKeyClient(env);
            // The merchant id pins vouchers to this shop; without a key we can't learn it.
            if (!client.hasApiKey()) {
                spec.commandLine()
                        .getErr()
                        .println("flashdeal: warning: no API key, so the key cache has no "
                                + "merchant id and cannot verify vouchers yet; set one and pull again");
            }
            KeySets.Fetched fetched = KeySets.fetch(client, env.clock());
            KeyCache cache = fetched.cache();
            Merchant me = fetched.merchant().orElse(null);
            Path target = keyCache != null ? keyCache : env.keyCachePath();
            try {
                cache.save(target);
            } catch (IOException e) {
                throw CliException.local("cannot write the key cache " + target + ": " + CliException.why(e), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("keyCache", target.toString());
                m.put("issuer", cache.issuer());
                m.put("merchantId", cache.merchantId());
                m.put("merchantName", me == null ? null : me.name());
                m.put("kids", cache.keys().kids());
                m.put("fetchedAt", cache.fetchedAt());
                out.println(Json.pretty(m));
            } else {
                out.printf(
                        "Saved %d key(s) %s for issuer %s%s to %s%n",
                        cache.keys().size(),
                        Terminal.line(cache.keys().kids()),
                        Terminal.line(cache.issuer()),
                        me == null ? "" : ", merchant " + Terminal.line(me.name()) + " (" + me.id() + ")",
                        target);
            }
            return ExitCodes.OK;
        }
    }
}
