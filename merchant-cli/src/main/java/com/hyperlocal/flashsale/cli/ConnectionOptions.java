package com.hyperlocal.flashsale.cli;

import com.hyperlocal.flashsale.cli.config.CliConfig;
import com.hyperlocal.flashsale.cli.http.ApiClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --server} and {@code --api-key}, mixed into every command that talks to the server. */
public class ConnectionOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "Server base URL. Else $FLASHDEAL_SERVER, the config file, or http://localhost:8080.")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Merchant API key. Prefer $FLASHDEAL_API_KEY or `config set api-key`: "
                    + "flags are visible to other users in the process list.")
    String apiKey;

    /** A client that must authenticate: no API key anywhere is a local problem (exit 7). */
    public ApiClient client(Environment env) {
        CliConfig config = CliConfig.load(env);
        CliConfig.Setting key = config.apiKey(apiKey);
        if (!key.present()) {
            throw CliException.local("no API key: pass --api-key, set FLASHDEAL_API_KEY, "
                    + "or run `flashdeal config set api-key KEY`");
        }
        return new ApiClient(serverUrl(config), key.value());
    }

    /** A client for public endpoints; sends the API key only if one is configured. */
    public ApiClient optionalKeyClient(Environment env) {
        CliConfig config = CliConfig.load(env);
        return new ApiClient(serverUrl(config), config.apiKey(apiKey).value());
    }

    public String serverFlag() {
        return server;
    }

    public String apiKeyFlag() {
        return apiKey;
    }

    public boolean hasApiKey(Environment env) {
        return CliConfig.load(env).apiKey(apiKey).present();
    }

    private String serverUrl(CliConfig config) {
        CliConfig.Setting s = config.server(server);
        return checkedUrl(s.value(), s.source());
    }

    /** http(s) with a host, or a usage error naming where the bad value came from. */
    public static String checkedUrl(String url, String source) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one message below
        }
        throw new CliException(ExitCodes.USAGE, "server URL '" + url + "' (from " + source
                + ") is not an http:// or https:// URL");
    }
}
