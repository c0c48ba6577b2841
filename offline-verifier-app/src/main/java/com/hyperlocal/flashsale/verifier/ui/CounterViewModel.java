package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.counter.ScanOutcome;
import com.hyperlocal.flashsale.verifier.counter.Verdict;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.scan.ImageScan;
import com.hyperlocal.flashsale.verifier.sync.SyncStatus;
import com.hyperlocal.flashsale.verifier.verify.KeyStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the counter window. Every blocking call (crypto, SQLite, network) goes to the injected
 * {@code worker}; results come back through {@code ui} ({@code Platform::runLater} in the app,
 * a direct call in tests), so properties are only touched on the UI thread.
 */
public final class CounterViewModel {

    private final VerifierContext ctx;
    private final Executor worker;
    private final Consumer<Runnable> ui;
    private final Consumer<Verdict> sound;
    private final ZoneId zone;
    final CameraViewModel camera;

    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final StringProperty headline = new SimpleStringProperty("READY");
    private final StringProperty message = new SimpleStringProperty("Scan a voucher, open a picture of one, or paste its token.");
    private final StringProperty deal = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty expiry = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty pending = new SimpleStringProperty("Pending: ?");
    private final StringProperty lastSync = new SimpleStringProperty("Last sync: never");
    private final StringProperty online = new SimpleStringProperty("Offline");
    private final StringProperty keys = new SimpleStringProperty("Keys: ?");
    private final BooleanProperty keysWarning = new SimpleBooleanProperty();
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObservableList<ScanRecord> problems = FXCollections.observableArrayList();
    private UUID shownClientId;

    public CounterViewModel(VerifierContext ctx, Executor worker, Executor cameraThread, Consumer<Runnable> ui,
                            Consumer<Verdict> sound) {
        this.ctx = ctx;
        this.worker = worker;
        this.ui = ui;
        this.sound = sound;
        this.zone = ctx.clock().getZone();
        this.camera = new CameraViewModel(ctx.cameras(), cameraThread, ui, this::submit);
        ctx.onSyncStatus(s -> ui.accept(() -> showSync(s)));
    }

    /** Checks a scanned or typed token. */
    public void submit(String token) {
        ui.accept(() -> busy.set(true)); // may be called from the camera thread
        worker.execute(() -> {
            ScanOutcome outcome = ctx.counter().scan(token);
            ui.accept(() -> show(outcome));
            sound.accept(outcome.verdict());
            if (outcome.dealId() != null && outcome.dealTitle() == null) {
                // Shown with the deal id at once; the title follows if the server answers.
                ctx.titles().lookup(outcome.dealId()).ifPresent(t -> ui.accept(() -> {
                    if (outcome.clientId().equals(shownClientId)) {
                        deal.set(t);
                    }
                }));
            }
            refreshStatusNow();
        });
    }

    public void submitPasted(String text) {
        submit(ImageScan.pasted(text));
    }

    /** "Open image…": decodes the QR code in a picture file and checks it. */
    public void openImage(Path file) {
        ui.accept(() -> busy.set(true));
        worker.execute(() -> {
            try {
                String token = ImageScan.decode(file);
                submit(token);
            } catch (IOException e) {
                ui.accept(() -> showProblem("NO CODE READ", e.getMessage()));
            }
        });
    }

    public void refreshKeys() {
        notice.set("Fetching voucher keys…");
        worker.execute(() -> {
            String result;
            try {
                ctx.refreshKeys();
                result = "Voucher keys refreshed.";
            } catch (Exception e) {
                result = "Keys not refreshed: " + e.getMessage();
            }
            String r = result;
            ui.accept(() -> notice.set(r));
            refreshStatusNow();
        });
    }

    public void syncNow() {
        notice.set("Syncing…");
        worker.execute(() -> {
            String result;
            try {
                var report = ctx.sync().syncWithRetry(1, d -> { });
                result = "Synced " + report.sent() + " scan(s)" + (report.conflicts() > 0
                        ? "; " + report.conflicts() + " conflict(s) - see Conflicts." : ".");
            } catch (Exception e) {
                result = "Not synced: " + e.getMessage();
            }
            String r = result;
            ui.accept(() -> notice.set(r));
            refreshStatusNow();
            loadProblemsNow();
        });
    }

    public void refreshStatus() {
        worker.execute(this::refreshStatusNow);
    }

    public void loadProblems() {
        worker.execute(this::loadProblemsNow);
    }

    private void refreshStatusNow() {
        KeyStatus k = ctx.keyStatus();
        SyncStatus s = ctx.sync().status();
        ui.accept(() -> {
            showKeys(k);
            showSync(s);
        });
    }

    private void loadProblemsNow() {
        List<ScanRecord> list = ctx.store().problems();
        ui.accept(() -> problems.setAll(list));
    }

    private void show(ScanOutcome o) {
        busy.set(false);
        shownClientId = o.clientId();
        verdict.set(o.verdict());
        headline.set(o.verdict() == Verdict.CANNOT_CHECK ? "NOT CHECKED" : o.verdict().name());
        message.set(o.message());
        deal.set(o.dealId() == null ? "" : o.dealTitle() != null ? o.dealTitle() : "Deal " + o.dealId());
        user.set(o.userId() == null ? "" : "Shopper: " + o.userId());
        expiry.set(o.expiresAt() == null ? "" : "Valid until " + Texts.time(o.expiresAt(), zone));
    }

    private void showProblem(String title, String text) {
        busy.set(false);
        shownClientId = null;
        verdict.set(Verdict.CANNOT_CHECK);
        headline.set(title);
        message.set(text);
        deal.set("");
        user.set("");
        expiry.set("");
    }

    private void showKeys(KeyStatus k) {
        if (!k.usable()) {
            keys.set("Keys: none");
            keysWarning.set(true);
            notice.set(k.problem());
            return;
        }
        keys.set("Keys: " + Texts.age(k.age()) + " old" + (k.tooOld() ? " - refresh when online!" : ""));
        keysWarning.set(k.tooOld());
    }

    private void showSync(SyncStatus s) {
        pending.set("Pending: " + s.pending());
        lastSync.set("Last sync: " + Texts.time(s.lastSuccess(), zone));
        online.set(!s.configured() ? "Offline only (no server set)" : s.online() ? "Online" : "Offline");
        if (s.message() != null) {
            notice.set(s.message());
        }
    }

    public ObjectProperty<Verdict> verdictProperty() { return verdict; }
    public StringProperty headlineProperty() { return headline; }
    public StringProperty messageProperty() { return message; }
    public StringProperty dealProperty() { return deal; }
    public StringProperty userProperty() { return user; }
    public StringProperty expiryProperty() { return expiry; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty pendingProperty() { return pending; }
    public StringProperty lastSyncProperty() { return lastSync; }
    public StringProperty onlineProperty() { return online; }
    public StringProperty keysProperty() { return keys; }
    public BooleanProperty keysWarningProperty() { return keysWarning; }
    public StringProperty noticeProperty() { return notice; }
    public ObservableList<ScanRecord> problems() { return problems; }
    public CameraViewModel camera() { return camera; }
    public VerifierContext context() { return ctx; }
    ZoneId zone() { return zone; }
}
