package com.hyperlocal.flashsale.verifier.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the counter view on a stage; shared by the app and the UI tests. */
public final class CounterWindow {

    private CounterWindow() {
    }

    public static Scene show(Stage stage, CounterViewModel vm) {
        Scene scene = new Scene(CounterView.build(vm,
                () -> ConflictsView.show(stage, vm),
                () -> SettingsDialog.edit(stage, vm.context().config()).ifPresent(c -> {
                    vm.context().updateConfig(c);
                    vm.refreshStatus();
                })), 1180, 640);
        stage.setTitle("Flash-sale voucher check - " + vm.context().config().deviceId());
        stage.setScene(scene);
        stage.show();
        vm.refreshStatus();
        return scene;
    }
}
