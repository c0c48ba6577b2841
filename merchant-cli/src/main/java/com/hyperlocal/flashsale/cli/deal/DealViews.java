package com.hyperlocal.flashsale.cli.deal;

import com.hyperlocal.flashsale.cli.Table;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.cli.Times;
import com.hyperlocal.flashsale.client.Deal;
import java.io.PrintWriter;
import java.util.List;

/** How deals look in table mode. Text from the server goes through {@link Terminal}. */
final class DealViews {

    private static final String INDENT = " ".repeat("description: ".length());

    private DealViews() {}

    static void table(PrintWriter out, List<Deal> deals, Times times) {
        if (deals.isEmpty()) {
            out.println("No deals yet. Create one with `flashdeal deal create --help`.");
            return;
        }
        Table t = new Table("ID", "TITLE", "STATUS", "REMAINING/TOTAL", "CLAIMS", "ENDS");
        for (Deal d : deals) {
            t.row(
                    d.id(),
                    Table.clip(d.title(), 32),
                    d.status(),
                    d.remainingInventory() + "/" + d.totalInventory(),
                    d.claimCount(),
                    times.format(d.validUntil()));
        }
        t.print(out);
    }

    static void details(PrintWriter out, Deal d, Times times) {
        out.printf("id:          %s%n", d.id());
        out.printf("title:       %s%n", Terminal.line(d.title()));
        if (d.description() != null && !d.description().isBlank()) {
            // Later lines indented under the first, so a description cannot pose as another field.
            out.printf(
                    "description: %s%n",
                    Terminal.text(d.description().strip()).replace("\n", System.lineSeparator() + INDENT));
        }
        out.printf("status:      %s%n", Terminal.line(d.status()));
        out.printf("remaining:   %d of %d%n", d.remainingInventory(), d.totalInventory());
        if (d.claimCount() != null) {
            out.printf("claims:      %d%n", d.claimCount());
        }
        out.printf("location:    %s, %s%n", d.latitude(), d.longitude());
        out.printf("starts:      %s%n", times.format(d.validFrom()));
        out.printf("ends:        %s%n", times.format(d.validUntil()));
        if (d.closedAt() != null) {
            out.printf("closed:      %s%n", times.format(d.closedAt()));
        }
        if (d.createdAt() != null) {
            out.printf("created:     %s%n", times.format(d.createdAt()));
        }
    }
}
