package com.hyperlocal.flashsale.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.CliRun;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.client.Deal;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keys pull while online, then verify a real voucher with the server STOPPED. Stops the shared
 * server, so it runs last (@Order, see junit-platform.properties).
 */
@Tag("server")
@Order(Integer.MAX_VALUE)
class OfflineVoucherServerTest {

    @TempDir
    Path dir;

    @Test
    void pulledKeysVerifyARealVoucherWithTheServerStopped() throws Exception {
        ServerProcess server = ServerProcess.shared();
        ServerProcess.Merchant dana = server.createMerchant("Dana's Dhaba");
        ServerProcess.Merchant eve = server.createMerchant("Eve's Eatery");
        Path danaCache = dir.resolve("dana/key-cache.json");
        Path eveCache = dir.resolve("eve/key-cache.json");
        Environment danaEnv = CliRun.env(
                dir,
                Clock.systemUTC(),
                "FLASHDEAL_SERVER",
                server.url(),
                "FLASHDEAL_API_KEY",
                dana.apiKey(),
                "FLASHSALE_KEY_CACHE",
                danaCache.toString());
        Environment eveEnv = CliRun.env(
                dir,
                Clock.systemUTC(),
                "FLASHDEAL_SERVER",
                server.url(),
                "FLASHDEAL_API_KEY",
                eve.apiKey(),
                "FLASHSALE_KEY_CACHE",
                eveCache.toString());

        CliRun.Result created = CliRun.run(
                danaEnv,
                "deal",
                "create",
                "--title",
                "Thali",
                "--lat",
                "12.97",
                "--lng",
                "77.59",
                "--inventory",
                "5",
                "--duration",
                "2h",
                "-o",
                "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Deal deal = Json.read(created.out(), Deal.class);
        String asha = server.shopperToken("asha");
        HttpResponse<String> claim = server.claimAs("asha", deal.id());
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> claimJson = Json.MAPPER.readValue(claim.body(), Map.class);
        String voucher = (String) claimJson.get("voucher");
        Path png = dir.resolve("voucher.png");
        Files.write(png, server.getBytes("/api/v1/claims/" + claimJson.get("id") + "/qr", asha));

        CliRun.Result pull = CliRun.run(danaEnv, "keys", "pull");
        CliRun.Result evePull = CliRun.run(eveEnv, "keys", "pull");
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        assertThat(pull.out()).startsWith("Saved ").contains("merchant Dana's Dhaba (" + dana.id() + ")");
        assertThat(evePull.exitCode()).isZero();
        KeyCache cache = KeyCache.load(danaCache);
        assertThat(cache.merchantId()).isEqualTo(dana.id());
        assertThat(cache.issuer()).isEqualTo("https://flashsale.example");

        // Two tills redeem the same voucher: the server keeps the second as a conflict.
        for (String till : new String[] {"till-1", "till-2"}) {
            HttpResponse<String> upload = server.send(HttpRequest.newBuilder(
                            URI.create(server.url() + "/api/v1/redemptions"))
                    .header("Authorization", "Bearer " + dana.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"" + till
                            + "\",\"items\":[{\"clientId\":\""
                            + UUID.randomUUID() + "\",\"token\":\"" + voucher + "\",\"scannedAt\":\"" + Instant.now()
                            + "\",\"outcome\":\"REDEEMED\"}]}")));
            assertThat(upload.statusCode()).as(upload.body()).isBetween(200, 201);
        }
        CliRun.Result all = CliRun.run(danaEnv, "redemptions", "list");
        CliRun.Result conflicts = CliRun.run(danaEnv, "redemptions", "list", "--conflicts");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.out()).contains("till-1").contains("till-2").contains("asha");
        assertThat(conflicts.out())
                .contains("till-2")
                .contains("CONFLICT")
                .contains("already redeemed; first at till-1 ")
                .doesNotContain("ACCEPTED");

        ServerProcess.stopShared();

        CliRun.Result valid = CliRun.run(danaEnv, "voucher", "verify", voucher);
        CliRun.Result fromQr = CliRun.run(danaEnv, "voucher", "verify", "--qr", png.toString());
        CliRun.Result otherShop = CliRun.run(eveEnv, "voucher", "verify", voucher);
        CliRun.Result offline = CliRun.run(danaEnv, "deal", "list");

        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out())
                .startsWith("VALID")
                .contains("deal:    " + deal.id())
                .contains("user:    asha");
        assertThat(fromQr.exitCode()).as(fromQr.toString()).isZero();
        assertThat(otherShop.exitCode()).isEqualTo(ExitCodes.VOUCHER_INVALID);
        assertThat(otherShop.out()).startsWith("INVALID: This voucher is for a different shop.");
        assertThat(offline.exitCode()).as("server is down").isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(offline.err()).contains("cannot reach the server");
    }
}
