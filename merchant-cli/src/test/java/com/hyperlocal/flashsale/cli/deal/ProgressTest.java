package com.hyperlocal.flashsale.cli.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void terminalGetsARedrawnBarEndedByANewline() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err), true, 4);
        for (int i = 0; i < 4; i++) {
            p.step();
        }
        p.finish();

        assertThat(err.toString())
                .startsWith("\r[" + "#".repeat(7) + " ".repeat(23) + "] 1/4 rows")
                .endsWith("\r[" + "#".repeat(30) + "] 4/4 rows\n");
    }

    @Test
    void elsewhereALinePerHundredRowsAndNothingForSmallFiles() {
        StringWriter small = new StringWriter();
        Progress p = new Progress(new PrintWriter(small), false, 99);
        for (int i = 0; i < 99; i++) {
            p.step();
        }
        p.finish();
        assertThat(small.toString()).isEmpty();
    }
}
