package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the server reported after a sync: vouchers this device redeemed that had already been
 * redeemed elsewhere (or earlier), and scans it rejected.
 */
final class ConflictsView {

    private ConflictsView() {
    }

    static ListView<ScanRecord> list(CounterViewModel vm) {
        ListView<ScanRecord> list = new ListView<>(vm.problems());
        list.setId("conflictList");
        list.setPlaceholder(new Label("No conflicts reported by the server."));
        ZoneId zone = vm.zone();
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScanRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : describe(r, zone));
                setWrapText(true);
            }
        });
        return list;
    }

    static String describe(ScanRecord r, ZoneId zone) {
        String what = "Voucher " + (r.claimId() == null ? "(unreadable)" : r.claimId())
                + (r.userId() == null ? "" : " of shopper " + r.userId())
                + ", scanned here " + Texts.time(r.scannedAt(), zone);
        if (r.conflict() != null) {
            return what + ": ALREADY REDEEMED on device " + r.conflict().deviceId() + " at "
                    + Texts.time(r.conflict().scannedAt(), zone) + " (reached the server "
                    + Texts.time(r.conflict().receivedAt(), zone) + ").";
        }
        return what + ": the server says " + r.serverStatus()
                + (r.serverReason() == null ? "" : " - " + r.serverReason()) + ".";
    }

    static void show(Window owner, CounterViewModel vm) {
        vm.loadProblems();
        BorderPane root = new BorderPane(list(vm));
        Label intro = new Label("Reported by the server after syncing. These vouchers were honoured here "
                + "but the server had a different first redemption.");
        intro.setWrapText(true);
        intro.setPadding(new Insets(10));
        root.setTop(intro);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Conflicts");
        stage.setScene(new Scene(root, 760, 420));
        stage.show();
    }
}
