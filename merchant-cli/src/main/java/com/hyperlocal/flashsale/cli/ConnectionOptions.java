package com.hyperlocal.flashsale.cli;

import com.hyperlocal.flashsale.cli.config.CliConfig;
import com.hyperlocal.flashsale.client.FlashSaleClient;
import com.hyperlocal.flashsale.client.ServerOrigin;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --server} and {@code --api-key}, mixed into every command that talks to the server. */
public class ConnectionOptions {

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Server base URL. Else $FLASHDEAL_SERVER, the config file, or http://localhost:8080.")
    @Nullable String server;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "Merchant API key. Prefer $FLASHDEAL_API_KEY or `config set api-key`: "
                    + "flags are visible to other users in the process list.")
    @Nullable String apiKey;

    /** A client that must authenticate: no API key anywhere is a local problem (exit 7). */
    public FlashSaleClient client(Environment env) {
        CliConfig config = CliConfig.load(env);
        CliConfig.Setting key = config.apiKey(apiKey);
        String value = key.value();
        if (value == null) {
            throw CliException.local("no API key: pass --api-key, set FLASHDEAL_API_KEY, "
                    + "or run `flashdeal config set api-key KEY`");
        }
        return new FlashSaleClient(origin(config), value, FlashSaleClient.DEFAULT_TIMEOUT);
    }

    /** A client for public endpoints; sends the API key only if one is configured. */
    public FlashSaleClient optionalKeyClient(Environment env) {
        CliConfig config = CliConfig.load(env);
        return new FlashSaleClient(origin(config), config.apiKey(apiKey).value(), FlashSaleClient.DEFAULT_TIMEOUT);
    }

    public @Nullable String serverFlag() {
        return server;
    }

    public @Nullable String apiKeyFlag() {
        return apiKey;
    }

    public boolean hasApiKey(Environment env) {
        return CliConfig.load(env).apiKey(apiKey).present();
    }

    private ServerOrigin origin(CliConfig config) {
        CliConfig.Setting s = config.server(server);
        return checkedUrl(Objects.requireNonNull(s.value(), "the server setting has a default"), s.source());
    }

    /** https (http only to this machine) with a host, or a usage error naming where the bad value came from. */
    public static ServerOrigin checkedUrl(String url, String source) {
        try {
            return ServerOrigin.parse(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + " (from " + source + ")");
        }
    }
}
