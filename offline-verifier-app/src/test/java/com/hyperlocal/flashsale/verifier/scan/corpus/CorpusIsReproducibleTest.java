package com.hyperlocal.flashsale.verifier.scan.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed corpus is what {@link CorpusGenerator} writes: same signed vouchers, same
 * frames, byte for byte. So the figures in docs/scanning.md belong to the generator in the repo.
 */
class CorpusIsReproducibleTest {

    static Path committed() throws URISyntaxException {
        return Path.of(CorpusIsReproducibleTest.class
                        .getResource("/scan-corpus/manifest.tsv")
                        .toURI())
                .getParent();
    }

    @Test
    void theManifestListsVerifiableVouchersSignedAsTheGeneratorSignsThem() throws Exception {
        List<CorpusManifest.Entry> entries = CorpusManifest.read(committed());
        List<String> tokens = CorpusGenerator.vouchers(CorpusGenerator.SEED, entries.size());

        assertThat(entries).hasSize(Degradation.values().length * CorpusGenerator.PER_CLASS);
        assertThat(entries).extracting(CorpusManifest.Entry::expected).containsExactlyElementsOf(tokens);
        assertThat(VoucherTestVectors.verifier().verify(tokens.get(0))).isInstanceOf(VerificationResult.Valid.class);
    }

    @Test
    void framesRegenerateByteForByte() throws Exception {
        Path dir = committed();
        List<CorpusManifest.Entry> entries = CorpusManifest.read(dir);
        for (int k : new int[] {0, entries.size() / 2 + 3, entries.size() - 1}) {
            CorpusManifest.Entry e = entries.get(k);
            Degradation d = Degradation.valueOf(
                    e.degradation().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            int index = k % CorpusGenerator.PER_CLASS;
            byte[] again = CorpusGenerator.frame(
                    d,
                    index,
                    CorpusGenerator.severity(index, CorpusGenerator.PER_CLASS),
                    e.expected(),
                    CorpusGenerator.SEED);
            assertThat(again).as(e.file()).isEqualTo(Files.readAllBytes(dir.resolve(e.file())));
        }
    }
}
