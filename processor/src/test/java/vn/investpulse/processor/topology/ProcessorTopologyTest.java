package vn.investpulse.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.investpulse.processor.testing.Registrations.event;
import static vn.investpulse.processor.testing.Registrations.newProject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.processor.testing.ProcessorDriver;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;

/**
 * The production topology with the production properties, on a TopologyTestDriver whose topics go through
 * the real registry. Each test states its reference data, pipes registrations and lets the emit interval pass.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ProcessorTopologyTest {

    private ProcessorDriver p;

    @BeforeEach
    void start(EmbeddedPlatform platform, @TempDir Path stateDir) {
        p = new ProcessorDriver(platform.topics(), platform.serdes(), stateDir);
        p.rate("USD", "2020-01-01", "25000");
    }

    @AfterEach
    void stop() {
        p.close();
    }

    private Indicator fdi(String period) {
        return p.latest("FDI|TOTAL||" + kind(period) + "|" + period);
    }

    private static String kind(String period) {
        return period.contains("Q") ? "QUARTER" : period.length() == 4 ? "YEAR" : "MONTH";
    }

    @Test
    void theLocalMidnightDecidesThePeriodInEveryTimestampForm() {
        p.pipe(newProject("e1", "GCN-1", "2023-12-31T16:59:59Z", "1"),        // 23:59:59 on 31 Dec in Hai Phong
                newProject("e2", "GCN-2", "2023-12-31T17:10:00Z", "10"),      // 00:10 on 1 Jan 2024 there (still 31 Dec in UTC and New York)
                newProject("e3", "GCN-3", "2024-01-01T00:00:00+07:00", "100"), // exactly local midnight
                newProject("e4", "GCN-4", "2023-12-31T23:59:00+07:00", "1000"),
                newProject("e5", "GCN-5", "2024-01-01", "10000"),               // a date is local midnight
                newProject("e6", "GCN-6", "2023-12-31", "100000"));
        p.emit();
        assertThat(fdi("2023-12").getNewProjects()).isEqualTo(3);
        assertThat(fdi("2023-12").getNewCapitalUsd()).isEqualByComparingTo("101001");
        assertThat(fdi("2024-01").getNewProjects()).isEqualTo(3);
        assertThat(fdi("2024-01").getNewCapitalUsd()).isEqualByComparingTo("10110");
        assertThat(fdi("2023").getNewCapitalUsd()).isEqualByComparingTo("101001");
        assertThat(fdi("2024-Q1").getNewCapitalUsd()).isEqualByComparingTo("10110");
        assertThat(fdi("2024-01").getCumulativeProjects()).isEqualTo(6);
        assertThat(fdi("2024-01").getPeriodStart()).hasToString("2024-01-01");
        assertThat(fdi("2024-01").getPeriodEnd()).hasToString("2024-01-31");
    }
}
