package com.hyperlocal.flashsale.redemption;

import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.hyperlocal.flashsale.redemption.RedemptionResult.ItemResult;
import com.hyperlocal.flashsale.redemption.RedemptionResult.Status;
import com.hyperlocal.flashsale.revocation.Revocation;
import com.hyperlocal.flashsale.revocation.VoucherRevocations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what offline devices scanned. A redeemed voucher counts only if it is exactly the token
 * this server issued for that claim, for one of the caller's deals — so no signature check is
 * needed here, and a forged or foreign token is rejected. Each item commits on its own, so one
 * bad item never loses the others.
 */
@Service
class RedemptionService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedemptionLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final VoucherRevocations revocations;

    RedemptionService(RedemptionLedger ledger, TransactionTemplate tx, Clock clock, VoucherRevocations revocations) {
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.revocations = revocations;
    }

    RedemptionResult record(UUID merchantId, RedemptionUpload upload) {
        List<ItemResult> results = new ArrayList<>();
        for (RedemptionUpload.Item item : upload.items()) {
            results.add(recordOne(merchantId, upload.deviceId(), item));
        }
        return new RedemptionResult(results);
    }

    List<RedemptionView> list(UUID merchantId, boolean conflictsOnly) {
        return ledger.list(merchantId, conflictsOnly, 500);
    }

    private ItemResult recordOne(UUID merchantId, String deviceId, RedemptionUpload.Item item) {
        try {
            return tx.execute(status -> ledger.byClientId(merchantId, item.clientId())
                    .map(stored -> duplicate(item.clientId(), stored))
                    .orElseGet(() -> item.outcome() == RedemptionUpload.Outcome.REFUSED
                            ? logRefused(merchantId, deviceId, item)
                            : redeem(merchantId, deviceId, item)));
        } catch (DataIntegrityViolationException e) {
            // The same clientId arrived twice at once; the unique key let one in.
            return ledger.byClientId(merchantId, item.clientId())
                    .map(stored -> duplicate(item.clientId(), stored))
                    .orElseThrow(() -> e);
        }
    }

    private ItemResult redeem(UUID merchantId, String deviceId, RedemptionUpload.Item item) {
        Optional<RedemptionLedger.IssuedVoucher> issued = claimId(item.token()).flatMap(ledger::issued);
        if (issued.isEmpty() || !merchantId.equals(issued.get().merchantId())) {
            return ItemResult.rejected(item.clientId(), "not a voucher issued for one of your deals");
        }
        RedemptionLedger.IssuedVoucher voucher = issued.get();
        if (!item.token().equals(voucher.token())) {
            return ItemResult.rejected(item.clientId(), "does not match the voucher issued for this claim");
        }
        // Scanned after exp (with the verifiers' clock skew): the till should have refused it. Recorded all the
        // same (the goods were handed over; a second redemption must still be caught), and flagged.
        boolean expired = voucher.expiresAt() != null
                && !item.scannedAt().isBefore(voucher.expiresAt().plus(VoucherVerifier.DEFAULT_CLOCK_SKEW));
        RedemptionLedger.NewRow row = new RedemptionLedger.NewRow(
                merchantId,
                item.clientId(),
                deviceId,
                voucher.claimId(),
                voucher.dealId(),
                voucher.userId(),
                item.token(),
                "REDEEMED",
                null,
                item.scannedAt(),
                now(),
                expired);
        Boolean flag = expired ? Boolean.TRUE : null;
        String expiredReason = expired ? "redeemed after the voucher expired" : null;
        Optional<Revocation> revoked = revocations.of(voucher.claimId());
        if (revoked.isPresent()) {
            // Honoured by a till that did not know yet: kept, never silently accepted.
            Optional<UUID> earlier = ledger.acceptedFor(voucher.claimId());
            UUID id = ledger.insertRevokedConflict(row, earlier.orElse(null));
            return new ItemResult(
                    item.clientId(),
                    Status.CONFLICT,
                    id,
                    revoked.get().describe(),
                    earlier.flatMap(ledger::first).orElse(null),
                    revoked.get(),
                    flag);
        }
        Optional<UUID> accepted = ledger.insertAccepted(row);
        if (accepted.isPresent()) {
            return new ItemResult(item.clientId(), Status.ACCEPTED, accepted.get(), expiredReason, null, null, flag);
        }
        UUID firstId = ledger.acceptedFor(voucher.claimId()).orElseThrow();
        UUID id = ledger.insertConflict(row, firstId);
        return new ItemResult(
                item.clientId(),
                Status.CONFLICT,
                id,
                expired ? "already redeemed; " + expiredReason : "already redeemed",
                ledger.first(firstId).orElseThrow(),
                null,
                flag);
    }

    private ItemResult logRefused(UUID merchantId, String deviceId, RedemptionUpload.Item item) {
        UUID id = ledger.insertLogged(new RedemptionLedger.NewRow(
                merchantId,
                item.clientId(),
                deviceId,
                null,
                null,
                null,
                item.token(),
                "REFUSED",
                item.refusalReason(),
                item.scannedAt(),
                now(),
                false));
        return new ItemResult(item.clientId(), Status.ACCEPTED, id, null, null, null, null);
    }

    private ItemResult duplicate(UUID clientId, RedemptionLedger.Stored stored) {
        RedemptionResult.FirstRedemption first = stored.conflictsWith() == null
                ? null
                : ledger.first(stored.conflictsWith()).orElse(null);
        return new ItemResult(
                clientId, Status.DUPLICATE, stored.id(), "already recorded as " + stored.status(), first, null, null);
    }

    /** The claim id ({@code jti}) named by a token; authenticity is checked by comparing with the issued token. */
    static Optional<UUID> claimId(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode jti = payload.get("jti");
            return jti == null || !jti.isString() ? Optional.empty() : Optional.of(UUID.fromString(jti.asString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
