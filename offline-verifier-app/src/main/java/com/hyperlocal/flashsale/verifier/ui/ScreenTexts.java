package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.counter.CounterService;
import com.hyperlocal.flashsale.verifier.counter.ScanOutcome;
import com.hyperlocal.flashsale.verifier.counter.Verdict;
import com.hyperlocal.flashsale.verifier.record.ScanLog;
import com.hyperlocal.flashsale.verifier.sync.SyncStatus;
import com.hyperlocal.flashsale.verifier.verify.KeyStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** State → the words on screen, in the chosen language; ages measured on the given clock. */
final class ScreenTexts {

    /** Deals or revocations older than this are flagged, like old keys. */
    static final Duration CATALOG_STALE = Duration.ofDays(1);

    private final Messages m;
    private final Clock clock;
    private final ZoneId zone;

    ScreenTexts(Messages m, Clock clock) {
        this.m = m;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    Messages messages() {
        return m;
    }

    String headline(@Nullable Verdict v) {
        return m.get("headline." + (v == null ? "READY" : v.name()));
    }

    /** What READY says: how to scan, or what the till needs before it can check anything. */
    String readyMessage(@Nullable KeyStatus keys) {
        if (keys == null || keys.usable()) {
            return m.get("ready.message");
        }
        return keys.missing() ? m.get("ready.noKeys") : m.get("ready.badKeys");
    }

    String message(ScanOutcome o) {
        if (o.verdict() == Verdict.VALID) {
            return m.get("result.VALID");
        }
        String reason = o.reason() == null ? "" : o.reason();
        if (reason.equals(ScanLog.ALREADY_REDEEMED) && o.earlier() != null) {
            return m.get("reason.ALREADY_REDEEMED", m.time(o.earlier(), zone));
        }
        if (reason.equals(CounterService.REVOKED)
                && o.detail() != null
                && !o.detail().isBlank()) {
            return m.get("reason.REVOKED.because", o.detail().strip());
        }
        // NO_KEYS carries the key source's own explanation; unknown codes keep the English text.
        return reason.equals("NO_KEYS") ? o.message() : m.getOr("reason." + reason, o.message());
    }

    String deal(ScanOutcome o) {
        if (o.dealId() == null) {
            return "";
        }
        return o.dealTitle() != null
                ? o.dealTitle()
                : m.get("deal.untitled", o.dealId().toString());
    }

    String user(ScanOutcome o) {
        return o.userId() == null ? "" : m.get("user", o.userId());
    }

    String expiry(ScanOutcome o) {
        return o.expiresAt() == null ? "" : m.get("expiry", m.time(o.expiresAt(), zone));
    }

    String keys(@Nullable KeyStatus k) {
        if (k == null || !k.usable()) {
            return m.get("status.keys.none");
        }
        return m.get(k.tooOld() ? "status.keys.tooOld" : "status.keys", m.age(k.age()));
    }

    String online(SyncStatus s) {
        return !s.configured() ? m.get("status.offlineOnly") : m.get(s.online() ? "status.online" : "status.offline");
    }

    String pending(SyncStatus s) {
        return m.get("status.pending", s.pending());
    }

    String lastSync(SyncStatus s) {
        return m.get("status.lastSync", m.since(s.lastSuccess(), now()));
    }

    String deals(SyncStatus s) {
        return m.get(
                s.configured() && stale(s.dealsAt()) ? "status.deals.stale" : "status.deals",
                m.since(s.dealsAt(), now()));
    }

    String revocations(SyncStatus s) {
        return m.get(
                s.configured() && stale(s.revocationsAt()) ? "status.revocations.stale" : "status.revocations",
                m.since(s.revocationsAt(), now()));
    }

    boolean catalogStale(SyncStatus s) {
        return s.configured() && (stale(s.dealsAt()) || stale(s.revocationsAt()));
    }

    /** The current sync problem, or "" when there is none: never a leftover from earlier. */
    String syncProblem(SyncStatus s) {
        if (!s.configured() || s.kind() == SyncStatus.Problem.NONE) {
            return "";
        }
        String detail = s.problem() == null ? "" : s.problem();
        return m.get("sync." + s.kind().name(), detail);
    }

    private boolean stale(@Nullable Instant at) {
        return at == null || Duration.between(at, now()).compareTo(CATALOG_STALE) > 0;
    }

    private Instant now() {
        return clock.instant();
    }
}
