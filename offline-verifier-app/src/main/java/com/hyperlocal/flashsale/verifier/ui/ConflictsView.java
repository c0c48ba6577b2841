package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the server reported after a sync: vouchers this device redeemed that had already been
 * redeemed elsewhere or cancelled by the shop, and scans it rejected. Closes with its button or Escape.
 */
final class ConflictsView {

    private ConflictsView() {}

    static ListView<ConflictRow> list(CounterViewModel vm) {
        Messages m = vm.messages();
        ListView<ConflictRow> list = new ListView<>(vm.problems());
        list.setId("conflictList");
        list.setPlaceholder(new Label(m.get("conflicts.none")));
        ZoneId zone = vm.zone();
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : describe(m, r, zone));
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening it
            }
        });
        return list;
    }

    static String describe(Messages m, ConflictRow row, ZoneId zone) {
        ScanRecord r = row.scan();
        String what = m.get("conflicts.voucher", r.claimId() == null ? m.get("conflicts.unreadable") : r.claimId())
                + (r.userId() == null ? "" : m.get("conflicts.ofShopper", r.userId()))
                + m.get("conflicts.scanned", m.time(r.scannedAt(), zone));
        if (r.conflict() != null && r.conflict().deviceId() != null) {
            return what
                    + m.get(
                            "conflicts.elsewhere",
                            r.conflict().deviceId(),
                            m.time(r.conflict().scannedAt(), zone),
                            m.time(r.conflict().receivedAt(), zone));
        }
        String reason = r.serverReason() == null ? "" : r.serverReason();
        if (row.revocation() != null && "CONFLICT".equals(r.serverStatus())) {
            String why = row.revocation().reason();
            return what + m.get("conflicts.revoked", why == null || why.isBlank() ? reason : why);
        }
        return what + m.get("conflicts.server", r.serverStatus(), reason.isEmpty() ? "" : " - " + reason);
    }

    static Stage show(Window owner, CounterViewModel vm) {
        Messages m = vm.messages();
        vm.loadProblems();
        BorderPane root = new BorderPane(list(vm));
        Label intro = new Label(m.get("conflicts.intro"));
        intro.setWrapText(true);
        intro.setPadding(new Insets(10));
        root.setTop(intro);
        Stage stage = new Stage();
        Button close = new Button(m.get("button.close"));
        close.setId("closeConflicts");
        close.setCancelButton(true); // Escape
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10));
        root.setBottom(buttons);
        stage.initOwner(owner);
        stage.setTitle(m.get("conflicts.title"));
        Scene scene = new Scene(root, 760, 420);
        // Escape closes even while the list has the focus.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
