package vn.investpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchMainOptionsTest {

    @Test
    void theDefaultRunHasTheSizesOfTheIssue() {
        BenchMain.Options o = BenchMain.Options.parse();

        assertThat(o.events()).isEqualTo(1_000_000);
        assertThat(o.latencyEvents()).isEqualTo(1_000);
        assertThat(o.importRows()).isEqualTo(100_000);
        assertThat(o.skipLocal()).isFalse();
        assertThat(o.out()).isEqualTo(Path.of("results"));
    }

    @Test
    void optionsOverrideTheDefaults() {
        BenchMain.Options o = BenchMain.Options.parse("-events", "20_000", "-latency-events", "100", "-latency-rate", "5",
                "-import-rows", "5000", "-seed", "7", "-skip-local", "-out", "/tmp/x");

        assertThat(o.events()).isEqualTo(20_000);
        assertThat(o.latencyEvents()).isEqualTo(100);
        assertThat(o.latencyRate()).isEqualTo(5.0);
        assertThat(o.importRows()).isEqualTo(5_000);
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.skipLocal()).isTrue();
        assertThat(o.describe()).anyMatch(l -> l.contains("skipped"));
    }

    @Test
    void badOptionsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> BenchMain.Options.parse("-events")).hasMessageContaining("-events needs a value");
        assertThatThrownBy(() -> BenchMain.Options.parse("-events", "0")).hasMessageContaining("-events must be between 1");
        assertThatThrownBy(() -> BenchMain.Options.parse("-events", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchMain.Options.parse("-latency-rate", "-2")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchMain.Options.parse("-evnets", "5")).hasMessageContaining("unknown option -evnets");
    }
}
