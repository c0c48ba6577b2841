package com.hyperlocal.flashsale.verifier.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the counter view on a stage; shared by the app and the UI tests. */
public final class CounterWindow {

    /** The smallest screen the layout is made for; the window opens at least this big if it fits. */
    static final double MIN_WIDTH = 1024;

    static final double MIN_HEIGHT = 600;
    private static final double PREFERRED_WIDTH = 1180;
    private static final double PREFERRED_HEIGHT = 680;

    private CounterWindow() {}

    public static Scene show(Stage stage, CounterViewModel vm) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(PREFERRED_WIDTH, Math.max(MIN_WIDTH, screen.getWidth()));
        double height = Math.min(PREFERRED_HEIGHT, Math.max(MIN_HEIGHT, screen.getHeight()));
        return show(stage, vm, width, height);
    }

    /** At an exact size (screenshots, tests). */
    public static Scene show(Stage stage, CounterViewModel vm, double width, double height) {
        Scene scene = new Scene(
                CounterView.build(vm, () -> ConflictsView.show(stage, vm), () -> openSettings(stage, vm)),
                width,
                height);
        stage.setTitle(vm.messages().get("app.title", vm.settings().deviceId()));
        stage.setScene(scene);
        // Explicit sizes: some window managers otherwise open an undecorated 200×200 window.
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMinWidth(Math.min(MIN_WIDTH, width));
        stage.setMinHeight(Math.min(MIN_HEIGHT, height));
        stage.show();
        vm.refreshStatus();
        return scene;
    }

    private static void openSettings(Stage stage, CounterViewModel vm) {
        SettingsDialog.edit(stage, vm.settings(), vm.messages()).ifPresent(c -> {
            boolean relabel = !c.language().equals(vm.settings().language());
            vm.saveSettings(c);
            if (relabel) {
                // Buttons and labels are built with their texts: rebuild them in the new language.
                stage.getScene()
                        .setRoot(CounterView.build(
                                vm, () -> ConflictsView.show(stage, vm), () -> openSettings(stage, vm)));
                stage.setTitle(vm.messages().get("app.title", vm.settings().deviceId()));
            }
        });
    }
}
