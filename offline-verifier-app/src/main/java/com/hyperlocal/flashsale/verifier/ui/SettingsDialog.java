package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Edits the device settings (saved owner-only to verifier.properties). */
final class SettingsDialog {

    private SettingsDialog() {
    }

    static Optional<DeviceConfig> edit(Window owner, DeviceConfig c) {
        TextField url = new TextField(c.serverUrl());
        url.setPromptText("https://flashsale.example");
        PasswordField key = new PasswordField();
        key.setText(c.apiKey());
        TextField merchant = new TextField(c.merchantId() == null ? "" : c.merchantId().toString());
        merchant.setPromptText("empty = use the merchant of the key cache");
        TextField maxAge = new TextField(String.valueOf(c.maxKeyAge().toDays()));
        Label error = new Label();
        error.setStyle("-fx-text-fill: #c62828;");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label("Server URL"), url);
        grid.addRow(1, new Label("Merchant API key"), key);
        grid.addRow(2, new Label("Merchant id"), merchant);
        grid.addRow(3, new Label("Warn when keys older than (days)"), maxAge);
        grid.addRow(4, new Label("Device id"), new Label(c.deviceId()));
        grid.add(error, 0, 5, 2, 1);
        url.setPrefColumnCount(32);

        Dialog<DeviceConfig> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                parse(c, url, key, merchant, maxAge);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume(); // keep the dialog open
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? parse(c, url, key, merchant, maxAge) : null);
        return dialog.showAndWait();
    }

    private static DeviceConfig parse(DeviceConfig c, TextField url, TextField key, TextField merchant, TextField days) {
        UUID mid;
        try {
            mid = merchant.getText().isBlank() ? null : UUID.fromString(merchant.getText().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The merchant id must be a UUID.");
        }
        long d;
        try {
            d = Long.parseLong(days.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The key age must be a whole number of days.");
        }
        String u = url.getText().strip();
        if (!u.isEmpty() && !u.matches("https?://.+")) {
            throw new IllegalArgumentException("The server URL must start with http:// or https://.");
        }
        return c.withServer(u, key.getText(), mid, Duration.ofDays(Math.max(1, d)));
    }
}
