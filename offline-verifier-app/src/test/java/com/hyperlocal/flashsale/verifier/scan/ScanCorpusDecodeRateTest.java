package com.hyperlocal.flashsale.verifier.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The till's QR decoder on the committed corpus of degraded webcam frames
 * (docs/scanning.md): per degradation class it must read at least the committed number of
 * images, and must never read a wrong text.
 */
class ScanCorpusDecodeRateTest {

    @Test
    void everyDegradationClassDecodesAtLeastItsCommittedCountAndNothingIsMisread() {
        CorpusRun ours =
                CorpusRun.parallel("ours", ScanCorpus.dir(), file -> ScanCorpus.decode(file, ScanCorpus.ALL_ATTEMPTS));
        Map<String, Integer> minimum = ScanCorpus.minimumDecoded();

        assertThat(ours.misreads()).as("images decoded to a wrong text").isEmpty();
        assertThat(minimum.keySet())
                .as("classes with a committed figure")
                .containsExactlyInAnyOrderElementsOf(ours.perClass().keySet());
        for (Map.Entry<String, Integer> m : minimum.entrySet()) {
            assertThat(ours.decoded(m.getKey()))
                    .as("%s: decoded of %d (committed minimum %d)", m.getKey(), ours.total(m.getKey()), m.getValue())
                    .isGreaterThanOrEqualTo(m.getValue());
        }
    }
}
