package com.hyperlocal.flashsale.cli.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        String text = "title,description\r\n"
                + "\"Dosa, 2 for 1\",\"the \"\"best\"\" in town\"\r\n"
                + "Coffee,\"line one\nline two\"\n"
                + "Plain,\n";

        List<Csv.Record> r = Csv.parse(text);

        assertThat(r).hasSize(4);
        assertThat(r.get(1).fields()).containsExactly("Dosa, 2 for 1", "the \"best\" in town");
        assertThat(r.get(1).raw()).isEqualTo("\"Dosa, 2 for 1\",\"the \"\"best\"\" in town\"");
        assertThat(r.get(2).fields()).containsExactly("Coffee", "line one\nline two");
        assertThat(r.get(3).fields()).containsExactly("Plain", "");
        assertThat(r).extracting(Csv.Record::line).containsExactly(1, 2, 3, 5);
        assertThat(r).allMatch(x -> x.error() == null);
    }

    @Test
    void blankLinesAreSkippedButKeepLineNumbersHonestAndBomIsDropped() {
        List<Csv.Record> r = Csv.parse("\uFEFFa,b\n\n   \n1,2\n\n3,4");

        assertThat(r).extracting(Csv.Record::line).containsExactly(1, 4, 6);
        assertThat(r.get(0).fields()).containsExactly("a", "b");
        assertThat(r.get(2).fields()).containsExactly("3", "4");
    }

    @Test
    void brokenQuotingMarksOnlyThatRecord() {
        List<Csv.Record> r = Csv.parse("a,b\n\"x\"y,1\nok,2\nbad\"quote,3\n\"never closed,4\n");

        assertThat(r.get(1).error()).contains("after a closing quote");
        assertThat(r.get(2).error()).isNull();
        assertThat(r.get(3).error()).contains("quote inside an unquoted field");
        assertThat(r.get(4).error()).contains("never closed");
    }

    @Test
    void rowsBecomeDraftsOrSayWhatIsWrong() {
        CsvColumns columns = CsvColumns.of(Csv.parse(CsvColumns.EXPECTED).get(0));
        List<Csv.Record> rows = Csv.parse("\"Dosa, crisp\",,12.97,77.59,50,,2026-03-02T10:00:00Z,\n"
                + "x,,abc,77.59,5.5,,,2h\n"
                + "x,,1,2,3,,,soon\n"
                + "x,,1,2\n");

        List<String> p = new ArrayList<>();
        DealDraft ok = columns.draft(rows.get(0), ZoneOffset.UTC, p).orElseThrow();
        assertThat(p).isEmpty();
        assertThat(ok.title()).isEqualTo("Dosa, crisp");
        assertThat(ok.ends()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(ok.problems(Instant.parse("2026-03-01T12:00:00Z"))).isEmpty();

        List<String> bad = new ArrayList<>();
        assertThat(columns.draft(rows.get(1), ZoneOffset.UTC, bad)).isEmpty();
        assertThat(bad).containsExactly("lat is not a number: 'abc'", "inventory is not a whole number: '5.5'");

        List<String> dur = new ArrayList<>();
        columns.draft(rows.get(2), ZoneOffset.UTC, dur);
        assertThat(dur).singleElement().asString().startsWith("duration: 'soon' is not a duration");

        List<String> count = new ArrayList<>();
        columns.draft(rows.get(3), ZoneOffset.UTC, count);
        assertThat(count).singleElement().asString().contains("has 4 fields but the header has 8");
    }

    @Test
    void headerMustNameKnownColumnsIncludingTheRequiredOnes() {
        assertThatThrownBy(() -> CsvColumns.of(
                        Csv.parse("title,lat,lng,inventory,colour,ends").get(0)))
                .hasMessageContaining("unknown column 'colour'");
        assertThatThrownBy(() -> CsvColumns.of(Csv.parse("title,lat,lng,ends").get(0)))
                .hasMessageContaining("no 'inventory' column");
        assertThatThrownBy(
                        () -> CsvColumns.of(Csv.parse("title,lat,lng,inventory").get(0)))
                .hasMessageContaining("'ends' or a 'duration'");
        // Any order and case is fine.
        CsvColumns.of(Csv.parse("Duration, INVENTORY ,lng,lat,title").get(0));
    }
}
