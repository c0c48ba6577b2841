package com.hyperlocal.flashsale.verifier.scan.corpus;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rewrites the committed corpus in {@code src/test/resources/scan-corpus} (a tool run through
 * surefire for its classpath, not a check):
 * {@code ./mvnw -B -ntp -q -pl offline-verifier-app -am verify -Dtest=RegenerateScanCorpus
 * -Dsurefire.failIfNoSpecifiedTests=false -Dscan.corpus.regenerate=true}
 */
@EnabledIfSystemProperty(named = "scan.corpus.regenerate", matches = "true")
class RegenerateScanCorpus {

    @Test
    void writeTheCorpus() throws Exception {
        CorpusGenerator.generate(
                Path.of("src/test/resources/scan-corpus"), CorpusGenerator.SEED, CorpusGenerator.PER_CLASS, 0);
    }
}
