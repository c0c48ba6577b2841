package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.counter.Verdict;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The counter window's layout, readable from 1024×600 up: every text wraps instead of being cut
 * off, and the status bar flows onto a second line when it must. Binds to {@link CounterViewModel};
 * holds no logic of its own.
 */
final class CounterView {

    private CounterView() {}

    static Parent build(CounterViewModel vm, Runnable openConflicts, Runnable openSettings) {
        Messages m = vm.messages();
        BorderPane root = new BorderPane();
        root.setTop(toolbar(vm, m, root, openConflicts, openSettings));
        root.setCenter(resultPanel(vm));
        root.setRight(cameraPanel(vm));
        root.setBottom(new VBox(pastePanel(vm, m), statusBar(vm)));
        root.setStyle("-fx-font-size: 14px;");
        return root;
    }

    private static ToolBar toolbar(
            CounterViewModel vm, Messages m, Region owner, Runnable conflicts, Runnable settings) {
        Button camera = button(m.get("button.startCamera"), "startCamera", vm.camera()::start);
        camera.disableProperty().bind(vm.camera().runningProperty());
        Button stop = button(m.get("button.stopCamera"), "stopCamera", vm.camera()::stop);
        stop.disableProperty().bind(vm.camera().runningProperty().not());
        Button open = button(m.get("button.openImage"), "openImage", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(m.get("openImage.title"));
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            m.get("openImage.filter"), "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            Window w = owner.getScene() == null ? null : owner.getScene().getWindow();
            File f = chooser.showOpenDialog(w);
            if (f != null) {
                vm.openImage(f.toPath());
            }
        });
        return new ToolBar(
                camera,
                stop,
                open,
                new Separator(),
                button(m.get("button.refreshKeys"), "refreshKeys", vm::refreshKeys),
                button(m.get("button.syncNow"), "syncNow", vm::syncNow),
                button(m.get("button.conflicts"), "conflicts", conflicts),
                button(m.get("button.settings"), "settings", settings));
    }

    private static VBox resultPanel(CounterViewModel vm) {
        Label headline = wrapping("verdict", vm.headlineProperty(), "-fx-font-size: 60px; -fx-font-weight: bold;");
        Label message = wrapping("message", vm.messageProperty(), "-fx-font-size: 22px;");
        Label deal = wrapping("deal", vm.dealProperty(), "-fx-font-size: 26px; -fx-font-weight: bold;");
        Label user = wrapping("user", vm.userProperty(), "-fx-font-size: 18px;");
        Label expiry = wrapping("expiry", vm.expiryProperty(), "-fx-font-size: 18px;");
        // Camera trouble is shown here, where the assistant looks, not only beside the preview.
        Label camera = wrapping(
                "cameraProblem",
                vm.camera().problemProperty(),
                "-fx-font-size: 16px; -fx-background-color: rgba(0,0,0,0.25); -fx-padding: 6 10 6 10;");
        camera.visibleProperty().bind(vm.camera().problemProperty().isNotEmpty());
        camera.managedProperty().bind(camera.visibleProperty());
        VBox box = new VBox(10, headline, message, deal, user, expiry, camera);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(20));
        box.setMinWidth(360);
        box.setId("resultPanel");
        colour(box, vm.verdictProperty().get());
        vm.verdictProperty().addListener((o, was, now) -> colour(box, now));
        return box;
    }

    private static void colour(Region box, Verdict v) {
        // Green / red / amber, unmistakable from across the counter.
        String bg = v == null
                ? "#455a64"
                : switch (v) {
                    case VALID -> "#1b873f";
                    case INVALID -> "#c62828";
                    case CANNOT_CHECK -> "#b36200";
                };
        box.setStyle("-fx-background-color: " + bg + ";");
    }

    private static VBox cameraPanel(CounterViewModel vm) {
        ImageView preview = new ImageView();
        preview.setFitWidth(280);
        preview.setFitHeight(210);
        preview.setPreserveRatio(true);
        preview.imageProperty().bind(vm.camera().previewProperty());
        Label msg = label("cameraMessage", vm.camera().messageProperty());
        msg.setWrapText(true);
        msg.setMaxWidth(280);
        VBox box = new VBox(8, preview, msg);
        box.setPadding(new Insets(10));
        box.setPrefWidth(300);
        return box;
    }

    private static HBox pastePanel(CounterViewModel vm, Messages m) {
        TextField token = new TextField();
        token.setId("tokenInput");
        token.setPromptText(m.get("paste.prompt"));
        HBox.setHgrow(token, Priority.ALWAYS);
        Runnable check = () -> {
            vm.submitPasted(token.getText());
            token.clear();
        };
        token.setOnAction(e -> check.run()); // USB scanners type the code and press Enter
        Button go = button(m.get("button.checkToken"), "checkToken", check);
        Label label = new Label(m.get("paste.label"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        go.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, label, token, go);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 10, 8, 10));
        return box;
    }

    private static VBox statusBar(CounterViewModel vm) {
        Label keys = warnable(label("keysStatus", vm.keysProperty()), vm.keysWarningProperty());
        Label deals = warnable(label("dealsStatus", vm.dealsProperty()), vm.catalogWarningProperty());
        Label revocations = warnable(label("revocationsStatus", vm.revocationsProperty()), vm.catalogWarningProperty());
        FlowPane facts = new FlowPane(
                18,
                4,
                label("onlineStatus", vm.onlineProperty()),
                label("pendingStatus", vm.pendingProperty()),
                label("lastSync", vm.lastSyncProperty()),
                keys,
                deals,
                revocations);
        Label problem = label("syncProblem", vm.syncProblemProperty());
        problem.setStyle("-fx-text-fill: #c62828;");
        Label notice = label("notice", vm.noticeProperty());
        notice.setStyle("-fx-text-fill: #37474f;");
        for (Label l : new Label[] {problem, notice}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        VBox bar = new VBox(4, facts, problem, notice);
        facts.prefWrapLengthProperty().bind(Bindings.subtract(bar.widthProperty(), 20));
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.setStyle("-fx-background-color: #eceff1;");
        return bar;
    }

    private static Label warnable(Label l, ObservableValue<Boolean> warn) {
        l.styleProperty()
                .bind(Bindings.when(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(warn.getValue()), warn))
                        .then("-fx-text-fill: #c62828; -fx-font-weight: bold;")
                        .otherwise(""));
        return l;
    }

    private static Label wrapping(String id, ObservableValue<String> text, String style) {
        Label l = label(id, text);
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setAlignment(Pos.CENTER);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE); // grow to as many lines as it needs, never "…"
        l.setStyle("-fx-text-fill: white; " + style);
        return l;
    }

    private static Label label(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
