package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.counter.Verdict;
import java.io.File;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The counter window's layout. Binds to {@link CounterViewModel}; holds no logic of its own. */
final class CounterView {

    private CounterView() {
    }

    static Parent build(CounterViewModel vm, Runnable openConflicts, Runnable openSettings) {
        BorderPane root = new BorderPane();
        root.setTop(toolbar(vm, root, openConflicts, openSettings));
        root.setCenter(resultPanel(vm));
        root.setRight(cameraPanel(vm));
        root.setBottom(new VBox(pastePanel(vm), statusBar(vm)));
        root.setStyle("-fx-font-size: 14px;");
        return root;
    }

    private static ToolBar toolbar(CounterViewModel vm, Region owner, Runnable conflicts, Runnable settings) {
        Button camera = button("Start camera", "startCamera", vm.camera()::start);
        camera.disableProperty().bind(vm.camera().runningProperty());
        Button stop = button("Stop camera", "stopCamera", vm.camera()::stop);
        stop.disableProperty().bind(vm.camera().runningProperty().not());
        Button open = button("Open image…", "openImage", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a picture of the voucher's QR code");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures",
                    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            Window w = owner.getScene() == null ? null : owner.getScene().getWindow();
            File f = chooser.showOpenDialog(w);
            if (f != null) {
                vm.openImage(f.toPath());
            }
        });
        return new ToolBar(camera, stop, open, new Separator(),
                button("Refresh keys", "refreshKeys", vm::refreshKeys),
                button("Sync now", "syncNow", vm::syncNow),
                button("Conflicts", "conflicts", conflicts),
                button("Settings", "settings", settings));
    }

    private static VBox resultPanel(CounterViewModel vm) {
        Label headline = label("verdict", vm.headlineProperty());
        headline.setStyle("-fx-font-size: 72px; -fx-font-weight: bold; -fx-text-fill: white;");
        Label message = label("message", vm.messageProperty());
        message.setStyle("-fx-font-size: 22px; -fx-text-fill: white;");
        message.setWrapText(true);
        Label deal = label("deal", vm.dealProperty());
        deal.setStyle("-fx-font-size: 26px; -fx-font-weight: bold; -fx-text-fill: white;");
        Label user = label("user", vm.userProperty());
        Label expiry = label("expiry", vm.expiryProperty());
        user.setStyle("-fx-font-size: 18px; -fx-text-fill: white;");
        expiry.setStyle("-fx-font-size: 18px; -fx-text-fill: white;");
        VBox box = new VBox(14, headline, message, deal, user, expiry);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(30));
        box.setMinWidth(520);
        box.setId("resultPanel");
        colour(box, vm.verdictProperty().get());
        vm.verdictProperty().addListener((o, was, now) -> colour(box, now));
        return box;
    }

    private static void colour(Region box, Verdict v) {
        // Green / red / amber, unmistakable from across the counter.
        String bg = v == null ? "#455a64" : switch (v) {
            case VALID -> "#1b873f";
            case INVALID -> "#c62828";
            case CANNOT_CHECK -> "#d17a00";
        };
        box.setStyle("-fx-background-color: " + bg + ";");
    }

    private static VBox cameraPanel(CounterViewModel vm) {
        ImageView preview = new ImageView();
        preview.setFitWidth(320);
        preview.setFitHeight(240);
        preview.setPreserveRatio(true);
        preview.imageProperty().bind(vm.camera().previewProperty());
        Label msg = label("cameraMessage", vm.camera().messageProperty());
        msg.setWrapText(true);
        msg.setMaxWidth(320);
        VBox box = new VBox(8, preview, msg);
        box.setPadding(new Insets(10));
        box.setPrefWidth(340);
        return box;
    }

    private static HBox pastePanel(CounterViewModel vm) {
        TextField token = new TextField();
        token.setId("tokenInput");
        token.setPromptText("Paste a voucher token here (or use a USB barcode scanner)");
        HBox.setHgrow(token, Priority.ALWAYS);
        Runnable check = () -> {
            vm.submitPasted(token.getText());
            token.clear();
        };
        token.setOnAction(e -> check.run()); // USB scanners type the code and press Enter
        Button go = button("Check token", "checkToken", check);
        HBox box = new HBox(8, new Label("Paste token:"), token, go);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 10, 8, 10));
        return box;
    }

    private static HBox statusBar(CounterViewModel vm) {
        Label keys = label("keysStatus", vm.keysProperty());
        vm.keysWarningProperty().addListener((o, was, warn) ->
                keys.setStyle(warn ? "-fx-text-fill: #c62828; -fx-font-weight: bold;" : ""));
        Label notice = label("notice", vm.noticeProperty());
        notice.setStyle("-fx-text-fill: #555;");
        HBox bar = new HBox(18, label("onlineStatus", vm.onlineProperty()), label("pendingStatus", vm.pendingProperty()),
                label("lastSync", vm.lastSyncProperty()), keys, notice);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.setStyle("-fx-background-color: #eceff1;");
        return bar;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
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
