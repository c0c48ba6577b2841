package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import com.hyperlocal.flashsale.verifier.counter.ScanOutcome;
import com.hyperlocal.flashsale.verifier.counter.Verdict;
import com.hyperlocal.flashsale.verifier.scan.ImageScan;
import com.hyperlocal.flashsale.verifier.sync.SyncStatus;
import com.hyperlocal.flashsale.verifier.verify.KeyStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State of the counter window. The screen is always rendered from the current state (the shown
 * result, the last key and sync status), so no message outlives what it describes. Scans run on
 * the scan executor, server calls on the network executor; properties change on the UI thread only.
 */
public final class CounterViewModel {

    /** Action feedback ("Voucher keys refreshed.") stays this long. */
    static final Duration NOTICE_SHOWN = Duration.ofSeconds(8);

    private final VerifierContext ctx;
    private final CounterThreads threads;
    private final Consumer<Verdict> sound;
    private ScreenTexts texts;
    final CameraViewModel camera;

    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final StringProperty headline = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty deal = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty expiry = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty online = new SimpleStringProperty("");
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty lastSync = new SimpleStringProperty("");
    private final StringProperty keys = new SimpleStringProperty("");
    private final BooleanProperty keysWarning = new SimpleBooleanProperty();
    private final StringProperty deals = new SimpleStringProperty("");
    private final StringProperty revocations = new SimpleStringProperty("");
    private final BooleanProperty catalogWarning = new SimpleBooleanProperty();
    private final StringProperty syncProblem = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObservableList<ConflictRow> problems = FXCollections.observableArrayList();

    // UI-thread state the texts are rendered from.
    private @Nullable ScanOutcome shown;
    private @Nullable String shownProblem;
    private @Nullable KeyStatus keyStatus;
    private @Nullable SyncStatus syncStatus;
    private Runnable cancelReset = () -> {};
    private Runnable cancelNotice = () -> {};

    public CounterViewModel(VerifierContext ctx, CounterThreads threads, Consumer<Verdict> sound) {
        this.ctx = ctx;
        this.threads = threads;
        this.sound = sound;
        this.texts = new ScreenTexts(Messages.forLanguage(ctx.config().language()), ctx.clock());
        this.camera =
                new CameraViewModel(ctx.cameras(), threads.camera(), threads.ui(), this::submit, texts.messages());
        ctx.onSyncStatus(s -> threads.ui().accept(() -> showSync(s)));
        renderResult();
    }

    /** Checks a scanned or typed token; the next scan replaces whatever is shown. */
    public void submit(String token) {
        threads.ui().accept(() -> busy.set(true)); // may be called from the camera thread
        threads.scans().execute(() -> {
            ScanOutcome outcome = ctx.counter().scan(token);
            threads.ui().accept(() -> show(outcome));
            sound.accept(outcome.verdict());
            refreshStatusNow();
        });
    }

    public void submitPasted(String text) {
        submit(ImageScan.pasted(text));
    }

    /** "Open image…": decodes the QR code in a picture file and checks it. */
    public void openImage(Path file) {
        threads.ui().accept(() -> busy.set(true));
        threads.scans().execute(() -> {
            try {
                submit(ImageScan.decode(file));
            } catch (IOException e) {
                // ImageScan words its own IOExceptions for the assistant.
                String why = Objects.requireNonNullElse(e.getMessage(), "The file cannot be read.");
                threads.ui().accept(() -> showProblem(why));
            }
        });
    }

    public void refreshKeys() {
        showNotice(texts.messages().get("notice.fetchingKeys"));
        threads.network().execute(() -> {
            String result;
            try {
                ctx.refreshKeys();
                result = texts.messages().get("notice.keysRefreshed");
            } catch (Exception e) {
                result = texts.messages().get("notice.keysNotRefreshed", e.getMessage());
            }
            String r = result;
            threads.ui().accept(() -> showNotice(r));
            refreshStatus();
        });
    }

    public void syncNow() {
        showNotice(texts.messages().get("notice.syncing"));
        threads.network().execute(() -> {
            String result;
            try {
                var report = ctx.sync().syncWithRetry(1, d -> {});
                result = report.conflicts() > 0
                        ? texts.messages().get("notice.syncedConflicts", report.sent(), report.conflicts())
                        : texts.messages().get("notice.synced", report.sent());
            } catch (Exception e) {
                result = texts.messages().get("notice.notSynced", e.getMessage());
            }
            String r = result;
            threads.ui().accept(() -> showNotice(r));
            refreshStatus();
            loadProblems();
        });
    }

    /** Re-reads key and sync status (local files only) and renders them. */
    public void refreshStatus() {
        threads.scans().execute(this::refreshStatusNow);
    }

    public void loadProblems() {
        threads.scans().execute(() -> {
            var revocations = ctx.database().revocations();
            List<ConflictRow> list = ctx.scans().problems().stream()
                    .map(r -> new ConflictRow(
                            r,
                            r.claimId() == null
                                    ? null
                                    : revocations.find(r.claimId()).orElse(null)))
                    .toList();
            threads.ui().accept(() -> problems.setAll(list));
        });
    }

    public DeviceConfig settings() {
        return ctx.config();
    }

    /** Saves the settings; a new language re-renders every text at once. */
    public void saveSettings(DeviceConfig updated) {
        ctx.updateConfig(updated);
        texts = new ScreenTexts(Messages.forLanguage(updated.language()), ctx.clock());
        camera.useMessages(texts.messages());
        renderResult();
        if (syncStatus != null) {
            showSync(syncStatus);
        }
        refreshStatus();
    }

    Messages messages() {
        return texts.messages();
    }

    ScreenTexts texts() {
        return texts;
    }

    java.time.ZoneId zone() {
        return ctx.clock().getZone();
    }

    private void refreshStatusNow() {
        KeyStatus k = ctx.keyStatus();
        SyncStatus s = ctx.sync().status();
        threads.ui().accept(() -> {
            keyStatus = k;
            keys.set(texts.keys(k));
            keysWarning.set(!k.usable() || k.tooOld());
            showSync(s);
            if (shown == null && shownProblem == null) {
                renderResult(); // READY's guidance depends on the keys
            }
        });
    }

    private void show(ScanOutcome o) {
        shown = o;
        shownProblem = null;
        renderResult();
        scheduleReset();
    }

    private void showProblem(String text) {
        shown = null;
        shownProblem = text;
        renderResult();
        scheduleReset();
    }

    private void scheduleReset() {
        cancelReset.run();
        ScanOutcome was = shown;
        String wasProblem = shownProblem;
        cancelReset = threads.timer().schedule(ctx.config().resultShown(), () -> {
            if (shown == was && shownProblem == wasProblem) { // not replaced by a later scan meanwhile
                shown = null;
                shownProblem = null;
                renderResult();
            }
        });
    }

    private void renderResult() {
        busy.set(false);
        Messages m = texts.messages();
        if (shown != null) {
            verdict.set(shown.verdict());
            headline.set(texts.headline(shown.verdict()));
            message.set(texts.message(shown));
            deal.set(texts.deal(shown));
            user.set(texts.user(shown));
            expiry.set(texts.expiry(shown));
            return;
        }
        verdict.set(shownProblem != null ? Verdict.CANNOT_CHECK : null);
        headline.set(shownProblem != null ? m.get("headline.NO_CODE") : texts.headline(null));
        message.set(shownProblem != null ? shownProblem : texts.readyMessage(keyStatus));
        deal.set("");
        user.set("");
        expiry.set("");
    }

    private void showSync(SyncStatus s) {
        syncStatus = s;
        online.set(texts.online(s));
        pending.set(texts.pending(s));
        lastSync.set(texts.lastSync(s));
        deals.set(texts.deals(s));
        revocations.set(texts.revocations(s));
        catalogWarning.set(texts.catalogStale(s));
        syncProblem.set(texts.syncProblem(s));
    }

    private void showNotice(String text) {
        cancelNotice.run();
        notice.set(text);
        cancelNotice = threads.timer().schedule(NOTICE_SHOWN, () -> {
            if (text.equals(notice.get())) {
                notice.set("");
            }
        });
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty dealProperty() {
        return deal;
    }

    public ReadOnlyStringProperty userProperty() {
        return user;
    }

    public ReadOnlyStringProperty expiryProperty() {
        return expiry;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty onlineProperty() {
        return online;
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending;
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync;
    }

    public ReadOnlyStringProperty keysProperty() {
        return keys;
    }

    public BooleanProperty keysWarningProperty() {
        return keysWarning;
    }

    public ReadOnlyStringProperty dealsProperty() {
        return deals;
    }

    public ReadOnlyStringProperty revocationsProperty() {
        return revocations;
    }

    public BooleanProperty catalogWarningProperty() {
        return catalogWarning;
    }

    public ReadOnlyStringProperty syncProblemProperty() {
        return syncProblem;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    ObservableList<ConflictRow> problems() {
        return problems;
    }

    public CameraViewModel camera() {
        return camera;
    }
}
