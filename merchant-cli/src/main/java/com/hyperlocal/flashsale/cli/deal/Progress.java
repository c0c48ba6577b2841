package com.hyperlocal.flashsale.cli.deal;

import java.io.PrintWriter;

/**
 * Import progress on stderr: a redrawn bar on a terminal; otherwise (logs, CI, pipes) one line
 * every {@link #LINE_EVERY} rows, and nothing at all for small files.
 */
final class Progress {

    static final int LINE_EVERY = 100;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private int done;

    Progress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    void step() {
        done++;
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " rows");
            err.flush();
        } else if (done % LINE_EVERY == 0) {
            err.println("imported " + done + "/" + total + " rows");
            err.flush();
        }
    }

    void finish() {
        if (terminal && done > 0) {
            err.println();
            err.flush();
        }
    }
}
