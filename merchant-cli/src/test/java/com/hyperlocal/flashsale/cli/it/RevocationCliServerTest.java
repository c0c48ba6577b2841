package com.hyperlocal.flashsale.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.CliRun;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.client.Deal;
import com.hyperlocal.flashsale.client.Json;
import com.hyperlocal.flashsale.client.Revocation;
import com.hyperlocal.flashsale.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revoking and voiding from the terminal against the real server; the till's late upload is a listed conflict. */
@Tag("server")
@Order(2)
class RevocationCliServerTest {

    @TempDir
    Path dir;

    @Test
    void aVoucherRevokedByTokenIsAConflictWhenATillUploadsItLaterAndClosingVoidsTheRest() throws Exception {
        ServerProcess server = ServerProcess.shared();
        ServerProcess.Merchant gita = server.createMerchant("Gita's Grocers");
        Environment env = CliRun.env(
                dir, Clock.systemUTC(), "FLASHDEAL_SERVER", server.url(), "FLASHDEAL_API_KEY", gita.apiKey());
        CliRun.Result created = CliRun.run(
                env,
                "deal",
                "create",
                "--title",
                "Mangoes",
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
        Map<?, ?> refunded = claim(server, deal.id(), "asha");
        Map<?, ?> open = claim(server, deal.id(), "bilal");

        CliRun.Result revoke = CliRun.run(
                env, "voucher", "revoke", (String) refunded.get("voucher"), "--reason", "refund at the counter");
        CliRun.Result again = CliRun.run(env, "voucher", "revoke", (String) refunded.get("id"), "-o", "json");
        CliRun.Result foreign = CliRun.run(
                CliRun.env(
                        dir,
                        Clock.systemUTC(),
                        "FLASHDEAL_SERVER",
                        server.url(),
                        "FLASHDEAL_API_KEY",
                        server.createMerchant("Other").apiKey()),
                "voucher",
                "revoke",
                (String) open.get("id"));

        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
        assertThat(revoke.out())
                .startsWith("Revoked voucher " + refunded.get("id") + " of deal " + deal.id())
                .contains("(refund at the counter)");
        assertThat(Json.read(again.out(), Revocation.class).reason())
                .as("idempotent")
                .isEqualTo("refund at the counter");
        assertThat(foreign.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);

        HttpResponse<String> upload = server.send(HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v1/redemptions"))
                .header("Authorization", "Bearer " + gita.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"till-9\",\"items\":[{\"clientId\":\""
                        + UUID.randomUUID() + "\",\"token\":\"" + refunded.get("voucher") + "\",\"scannedAt\":\""
                        + Instant.now() + "\",\"outcome\":\"REDEEMED\"}]}")));
        assertThat(upload.body()).contains("\"status\":\"CONFLICT\"");
        CliRun.Result conflicts = CliRun.run(env, "redemptions", "list", "--conflicts");
        assertThat(conflicts.exitCode()).as(conflicts.toString()).isZero();
        assertThat(conflicts.out())
                .contains("till-9")
                .contains("CONFLICT")
                .contains("voucher revoked (refund at the counter)");

        CliRun.Result close = CliRun.run(env, "deal", "close", deal.id().toString(), "--void-vouchers");
        assertThat(close.exitCode()).as(close.toString()).isZero();
        assertThat(close.out()).contains("1 unredeemed voucher(s) revoked now.");
        CliRun.Result revokedOpen = CliRun.run(env, "voucher", "revoke", (String) open.get("id"), "-o", "json");
        assertThat(Json.read(revokedOpen.out(), Revocation.class).reason()).isEqualTo("deal closed");
    }

    private static Map<?, ?> claim(ServerProcess server, UUID deal, String user) {
        HttpResponse<String> claim = server.claimAs(user, deal);
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        return Json.read(claim.body(), Map.class);
    }
}
