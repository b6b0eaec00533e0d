package vn.investpulse.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void plainLinesCarryRowsRateAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress progress = Progress.create("import events", 10, new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            progress.advance(4);
            progress.advance(6);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .containsPattern("import events: 10/10 rows \\(100%\\), [\\d,]+ rows/s, ETA 0s");
    }

    @Test
    void theBarWorksWithoutAConsoleToo() {
        try (Progress progress = Progress.create("import events", 3, System.out, true)) {
            progress.advance(3);
        }
    }
}
