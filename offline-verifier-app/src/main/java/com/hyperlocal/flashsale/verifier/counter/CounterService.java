package com.hyperlocal.flashsale.verifier.counter;

import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.verifier.record.DealCatalog;
import com.hyperlocal.flashsale.verifier.record.DealInfo;
import com.hyperlocal.flashsale.verifier.record.NewScan;
import com.hyperlocal.flashsale.verifier.record.Outcome;
import com.hyperlocal.flashsale.verifier.record.RecordResult;
import com.hyperlocal.flashsale.verifier.record.Revocation;
import com.hyperlocal.flashsale.verifier.record.RevocationList;
import com.hyperlocal.flashsale.verifier.record.ScanLog;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.StoreException;
import com.hyperlocal.flashsale.verifier.verify.KeysUnavailableException;
import com.hyperlocal.flashsale.verifier.verify.VoucherCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The counter use case: scan → verify → check the synced revocation list and deal catalogue →
 * record → answer. The redemption is committed to SQLite
 * before VALID is returned, so a VALID on screen always has its record on disk; if the write
 * fails the answer is CANNOT_CHECK, never VALID. Every recorded scan is queued for sync.
 * Blocking (crypto + disk): call it off the UI thread. No JavaFX.
 */
public final class CounterService {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("HH:mm:ss 'on' d MMM yyyy", Locale.ENGLISH);

    static final int MAX_LOGGED_TOKEN = 4096;
    /** Refusal reasons the till adds to common-crypto's. */
    public static final String REVOKED = "REVOKED";

    public static final String DEAL_VOIDED = "DEAL_VOIDED";
    /** The server's revocation reason for vouchers voided by closing their deal. */
    static final String DEAL_CLOSED_REASON = "deal closed";

    private final VoucherCheck check;
    private final ScanLog store;
    private final DealCatalog deals;
    private final RevocationList revocations;
    private final Clock clock;
    private final Runnable syncSoon;

    /**
     * @param syncSoon nudges the background sync after each recorded scan
     */
    public CounterService(
            VoucherCheck check,
            ScanLog store,
            DealCatalog deals,
            RevocationList revocations,
            Clock clock,
            Runnable syncSoon) {
        this.check = Objects.requireNonNull(check, "check");
        this.store = Objects.requireNonNull(store, "store");
        this.deals = Objects.requireNonNull(deals, "deals");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.syncSoon = Objects.requireNonNull(syncSoon, "syncSoon");
    }

    public ScanOutcome scan(String scanned) {
        String token = scanned == null ? "" : scanned.strip();
        Instant now = clock.instant();
        if (token.isEmpty()) {
            return new ScanOutcome(
                    Verdict.INVALID,
                    "No code was read. Scan the voucher again.",
                    "EMPTY",
                    null,
                    null,
                    null,
                    null,
                    null,
                    now,
                    null,
                    null);
        }
        VerificationResult result;
        try {
            result = check.check(token);
        } catch (KeysUnavailableException e) {
            // Not the voucher's fault: nothing to log against it; the assistant must fix the till.
            return new ScanOutcome(
                    Verdict.CANNOT_CHECK, e.getMessage(), "NO_KEYS", null, null, null, null, null, now, null, null);
        }
        try {
            ScanOutcome outcome = result instanceof VerificationResult.Valid
                    ? redeem(token, ((VerificationResult.Valid) result).claims(), now)
                    : refuse(token, (VerificationResult.Invalid) result, now);
            syncSoon.run();
            return outcome;
        } catch (StoreException e) {
            return new ScanOutcome(
                    Verdict.CANNOT_CHECK,
                    "This scan could not be saved, so the voucher must "
                            + "not be honoured yet. Check the device's storage. (" + e.getMessage() + ")",
                    "NOT_SAVED",
                    null,
                    null,
                    null,
                    null,
                    null,
                    now,
                    null,
                    null);
        }
    }

    private ScanOutcome redeem(String token, VoucherClaims c, Instant now) {
        Optional<DealInfo> deal = deals.find(c.dealId());
        String title = deal.map(DealInfo::title).orElse(null);
        Optional<Revocation> revoked = revocations.find(c.claimId());
        if (revoked.isPresent()
                && DEAL_CLOSED_REASON.equalsIgnoreCase(
                        String.valueOf(revoked.get().reason()))) {
            return cancelled(
                    token, c, now, title, DEAL_VOIDED, null, "The shop closed this deal and cancelled its vouchers.");
        }
        if (revoked.isPresent()) {
            String why = revoked.get().reason();
            return cancelled(
                    token,
                    c,
                    now,
                    title,
                    REVOKED,
                    why,
                    "The shop cancelled this voucher"
                            + (why == null || why.isBlank() ? "." : " (" + why.strip() + ")."));
        }
        if (deal.isPresent() && deal.get().vouchersVoided()) {
            return cancelled(
                    token, c, now, title, DEAL_VOIDED, null, "The shop closed this deal and cancelled its vouchers.");
        }
        NewScan scan = new NewScan(
                UUID.randomUUID(),
                token,
                c.claimId(),
                c.dealId(),
                c.userId(),
                c.expiresAt(),
                now,
                Outcome.REDEEMED,
                null);
        RecordResult recorded = store.redeem(scan);
        if (recorded instanceof RecordResult.AlreadyRedeemed) {
            ScanRecord first = ((RecordResult.AlreadyRedeemed) recorded).first();
            return new ScanOutcome(
                    Verdict.INVALID,
                    "Already redeemed at " + when(first.scannedAt()) + " on this device.",
                    ScanLog.ALREADY_REDEEMED,
                    c.dealId(),
                    title,
                    c.userId(),
                    c.expiresAt(),
                    scan.clientId(),
                    now,
                    first.scannedAt(),
                    null);
        }
        return new ScanOutcome(
                Verdict.VALID,
                "Genuine voucher, now redeemed. Hand over the deal.",
                null,
                c.dealId(),
                title,
                c.userId(),
                c.expiresAt(),
                scan.clientId(),
                now,
                null,
                null);
    }

    /** A genuine voucher the shop cancelled: logged as refused, with its claims kept for the merchant. */
    private ScanOutcome cancelled(
            String token,
            VoucherClaims c,
            Instant now,
            @Nullable String title,
            String reason,
            @Nullable String detail,
            String message) {
        NewScan scan = new NewScan(
                UUID.randomUUID(),
                token,
                c.claimId(),
                c.dealId(),
                c.userId(),
                c.expiresAt(),
                now,
                Outcome.REFUSED,
                reason);
        store.refuse(scan);
        return new ScanOutcome(
                Verdict.INVALID,
                message,
                reason,
                c.dealId(),
                title,
                c.userId(),
                c.expiresAt(),
                scan.clientId(),
                now,
                null,
                detail);
    }

    private ScanOutcome refuse(String token, VerificationResult.Invalid invalid, Instant now) {
        // The server keeps at most 4096 characters of a token; a refused junk code longer than
        // that is logged truncated so it can never block the upload queue.
        String logged = token.length() > MAX_LOGGED_TOKEN ? token.substring(0, MAX_LOGGED_TOKEN) : token;
        NewScan scan = new NewScan(
                UUID.randomUUID(),
                logged,
                null,
                null,
                null,
                null,
                now,
                Outcome.REFUSED,
                invalid.reason().name());
        store.refuse(scan);
        return new ScanOutcome(
                Verdict.INVALID,
                invalid.message(),
                invalid.reason().name(),
                null,
                null,
                null,
                null,
                scan.clientId(),
                now,
                null,
                null);
    }

    /** A time as the assistant reads it, in the till's time zone. */
    public String when(Instant instant) {
        return WHEN.format(instant.atZone(clock.getZone()));
    }
}
