package com.hyperlocal.flashsale.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The logic (everything outside {@code ui}) must run without JavaFX, e.g. in a CLI or a test. */
class LayeringTest {

    @Test
    void onlyTheUiPackageImportsJavaFx() throws IOException {
        Path main = Path.of("src/main/java/com/hyperlocal/flashsale/verifier");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("ui")))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("import javafx.");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toList());
        }
        assertThat(offenders).isEmpty();
        assertThat(main.resolve("counter/CounterService.java")).exists(); // the walk saw the sources
    }
}
