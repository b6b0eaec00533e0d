package vn.investpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    @Test
    void readyOnlyWhenEveryCheckIsReady() {
        AtomicBoolean processorRunning = new AtomicBoolean(false);
        HealthChecks health = new HealthChecks().add("kafka", () -> true).add("processor", processorRunning::get);

        assertThat(health.allReady()).isFalse();
        assertThat(health.evaluate()).containsExactly(
                java.util.Map.entry("kafka", true), java.util.Map.entry("processor", false));

        processorRunning.set(true);

        assertThat(health.allReady()).isTrue();
    }

    @Test
    void aCheckThatThrowsCountsAsNotReady() {
        HealthChecks health = new HealthChecks().add("sink", () -> {
            throw new IllegalStateException("database unreachable");
        });

        assertThat(health.evaluate()).containsEntry("sink", false);
        assertThat(health.allReady()).isFalse();
    }
}
