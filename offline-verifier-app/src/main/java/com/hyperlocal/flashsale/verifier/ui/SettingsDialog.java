package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.config.DeviceConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Edits the device settings (saved owner-only to verifier.properties). OK, Cancel and Escape close it. */
final class SettingsDialog {

    private SettingsDialog() {}

    static Dialog<DeviceConfig> dialog(Window owner, DeviceConfig c, Messages m) {
        TextField url = new TextField(c.serverUrl());
        url.setId("serverUrl");
        url.setPromptText("https://flashsale.example");
        PasswordField key = new PasswordField();
        key.setText(c.apiKey());
        TextField merchant =
                new TextField(c.merchantId() == null ? "" : c.merchantId().toString());
        merchant.setPromptText(m.get("settings.merchantId.prompt"));
        TextField maxAge = new TextField(String.valueOf(c.maxKeyAge().toDays()));
        TextField seconds = new TextField(String.valueOf(c.resultShown().toSeconds()));
        seconds.setId("resultSeconds");
        ChoiceBox<String> language = new ChoiceBox<>();
        language.setId("language");
        language.getItems().add("");
        for (Locale l : Messages.LANGUAGES) {
            language.getItems().add(l.toLanguageTag());
        }
        language.setValue(language.getItems().contains(c.language()) ? c.language() : "");
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return tag == null || tag.isEmpty()
                        ? m.get("settings.language.system")
                        : Locale.forLanguageTag(tag).getDisplayLanguage(Locale.forLanguageTag(tag));
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Label error = new Label();
        error.setId("settingsError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c62828;");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label(m.get("settings.serverUrl")), url);
        grid.addRow(1, new Label(m.get("settings.apiKey")), key);
        grid.addRow(2, new Label(m.get("settings.merchantId")), merchant);
        grid.addRow(3, new Label(m.get("settings.maxKeyAge")), maxAge);
        grid.addRow(4, new Label(m.get("settings.resultSeconds")), seconds);
        grid.addRow(5, new Label(m.get("settings.language")), language);
        grid.addRow(6, new Label(m.get("settings.deviceId")), new Label(c.deviceId()));
        grid.add(error, 0, 7, 2, 1);
        url.setPrefColumnCount(32);

        Dialog<DeviceConfig> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("settings.title"));
        dialog.getDialogPane().setContent(grid);
        // CANCEL is the cancel button: Escape and the window's close button both pick it.
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                parse(m, c, url, key, merchant, maxAge, seconds, language);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume(); // keep the dialog open
            }
        });
        dialog.setResultConverter(
                b -> b == ButtonType.OK ? parse(m, c, url, key, merchant, maxAge, seconds, language) : null);
        return dialog;
    }

    static Optional<DeviceConfig> edit(Window owner, DeviceConfig c, Messages m) {
        return dialog(owner, c, m).showAndWait();
    }

    private static DeviceConfig parse(
            Messages m,
            DeviceConfig c,
            TextField url,
            TextField key,
            TextField merchant,
            TextField days,
            TextField seconds,
            ChoiceBox<String> language) {
        UUID mid;
        try {
            mid = merchant.getText().isBlank()
                    ? null
                    : UUID.fromString(merchant.getText().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(m.get("settings.error.merchant"));
        }
        long d;
        try {
            d = Long.parseLong(days.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(m.get("settings.error.days"));
        }
        long s;
        try {
            s = Long.parseLong(seconds.getText().strip());
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (s < 1 || s > 600) {
            throw new IllegalArgumentException(m.get("settings.error.seconds"));
        }
        String u = url.getText().strip();
        if (!u.isEmpty() && !u.matches("https?://.+")) {
            throw new IllegalArgumentException(m.get("settings.error.url"));
        }
        return c.withServer(u, key.getText(), mid, Duration.ofDays(Math.max(1, d)))
                .withScreen(Duration.ofSeconds(s), language.getValue());
    }
}
