package com.hyperlocal.flashsale.cli.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row's Idempotency-Key follows what the row means, not where or how it is written. */
class ImportKeysTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    /** The content key of each data row of a CSV file (header first). */
    private static List<String> keys(String csv) {
        List<Csv.Record> records = Csv.parse(csv);
        CsvColumns columns = CsvColumns.of(records.get(0));
        List<String> keys = new ArrayList<>();
        for (Csv.Record row : records.subList(1, records.size())) {
            List<String> problems = new ArrayList<>();
            DealDraft draft = columns.draft(row, ZONE, problems).orElseThrow(() -> new AssertionError(problems));
            String own = columns.key(row);
            keys.add(own == null ? ImportKeys.content(draft.normalised()) : ImportKeys.explicit(own));
        }
        return keys;
    }

    private static final String HEADER = "title,description,lat,lng,inventory,starts,ends,duration\n";
    private static final String DOSA = "\"Masala dosa, 2 for 1\",Crisp with chutney,12.9716,77.5946,50,,,2h\n";
    private static final String COFFEE = "Filter coffee,,12.9720,77.5950,20,2026-03-01T08:00,2026-03-01T11:00,\n";

    @Test
    void aRowKeepsItsKeyWhenRowsAreInsertedAboveItOrTheFileIsReordered() {
        List<String> original = keys(HEADER + DOSA + COFFEE);
        List<String> extended = keys(HEADER + "\n\nIdli,,12.9,77.5,10,,,1h\n" + DOSA + "\n" + COFFEE);
        List<String> reordered = keys(HEADER + COFFEE + DOSA);

        assertThat(original).doesNotHaveDuplicates().hasSize(2);
        assertThat(original.get(0)).matches("[0-9a-f]{32}");
        assertThat(extended.subList(1, 3)).isEqualTo(original);
        assertThat(reordered).containsExactly(original.get(1), original.get(0));
    }

    @Test
    void whitespaceQuotingNumberFormattingAndColumnOrderDoNotChangeTheKey() {
        List<String> original = keys(HEADER + DOSA + COFFEE);
        List<String> respelled = keys("duration,ends,starts,inventory,lng,lat,description,title\n"
                + "2h ,,, 5_0 ,77.594600, 12.97160,\"  Crisp   with\tchutney \",\"  Masala  dosa,  2 for 1 \"\n"
                + ",2026-03-01 11:00,2026-03-01T08:00:00+05:30,020,77.595,12.972,, Filter coffee\n");
        // A start and a duration are the same window as that start and its end.
        List<String> asDuration = keys(HEADER + "Filter coffee,,12.972,77.595,20,2026-03-01T08:00,,3h\n");

        assertThat(respelled).isEqualTo(original);
        assertThat(asDuration).containsExactly(original.get(1));
    }

    @Test
    void anEditedRowIsAnotherDeal() {
        String original = keys(HEADER + DOSA).get(0);

        assertThat(keys(HEADER + DOSA.replace(",50,", ",51,"))).doesNotContain(original);
        assertThat(keys(HEADER + DOSA.replace("2 for 1", "3 for 1"))).doesNotContain(original);
        assertThat(keys(HEADER + DOSA.replace("12.9716", "12.9717"))).doesNotContain(original);
        assertThat(keys(HEADER + DOSA.replace(",2h", ",3h"))).doesNotContain(original);
        assertThat(keys(HEADER + DOSA.replace("chutney", "sambar"))).doesNotContain(original);
        // Below the rounding (6 decimals, ~0.1 m) it is the same place.
        assertThat(keys(HEADER + DOSA.replace("12.9716", "12.97160004"))).containsExactly(original);
    }

    @Test
    void anExplicitKeyIgnoresTheContentAndAnEditedVersionGetsAKeyOfItsOwn() {
        String header = HEADER.strip() + ",key\n";
        List<String> keys = keys(header + DOSA.strip() + ", dosa-1 \n"
                + DOSA.replace(",50,", ",60,").strip() + ",dosa-1\n" + DOSA.strip() + ",\n");

        assertThat(keys.get(0)).isEqualTo(keys.get(1)).isEqualTo(ImportKeys.explicit("dosa-1"));
        assertThat(keys.get(2))
                .as("blank key: the content decides")
                .isEqualTo(keys(HEADER + DOSA).get(0));
        assertThat(keys.get(0)).isNotEqualTo(keys.get(2));

        List<String> p = new ArrayList<>();
        CsvColumns columns = CsvColumns.of(Csv.parse(HEADER).get(0));
        DealDraft fifty =
                columns.draft(Csv.parse(DOSA).get(0), ZONE, p).orElseThrow().normalised();
        DealDraft sixty = columns.draft(Csv.parse(DOSA.replace(",50,", ",60,")).get(0), ZONE, p)
                .orElseThrow()
                .normalised();
        assertThat(ImportKeys.edited("dosa-1", fifty))
                .isNotEqualTo(ImportKeys.edited("dosa-1", sixty))
                .isNotEqualTo(ImportKeys.explicit("dosa-1"))
                .isNotEqualTo(ImportKeys.content(fifty))
                .isEqualTo(ImportKeys.edited(" dosa-1 ", fifty));
    }
}
