package vn.investpulse.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import vn.investpulse.alerts.rules.AlertRules;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;

/** Pins the topology's shape: renaming a store renames its changelog topic and loses the alert state. */
class AlertsTopologyTest {

    @Test
    void theTopologyIsPinned() {
        // Serdes are only configured here, never used: no registry is contacted.
        TopologyDescription description = AlertsTopology.build(AlertRules.defaults(), Duration.ofMinutes(1), new Topics(3, (short) 1),
                new RegistrySerdes("http://127.0.0.1:1/apis/registry/v2"), Clock.systemUTC()).describe();
        assertThat(description.toString().trim()).isEqualTo("""
                Topologies:
                   Sub-topology: 0
                    Source: indicators (topics: [pulse.indicators.v1])
                      --> planned-years
                    Processor: planned-years (stores: [])
                      --> read-progress
                      <-- indicators
                    Processor: read-progress (stores: [])
                      --> progress-
                      <-- planned-years
                    Processor: progress- (stores: [])
                      --> progress-invalid, progress-valid
                      <-- read-progress
                    Processor: progress-valid (stores: [])
                      --> progress-by-scope
                      <-- progress-
                    Processor: progress-by-scope (stores: [])
                      --> pace-rule, threshold-rule
                      <-- progress-valid
                    Processor: pace-rule (stores: [alert-pace-state])
                      --> all-alerts
                      <-- progress-by-scope
                    Processor: progress-invalid (stores: [])
                      --> invalid-progress-dead-letter
                      <-- progress-
                    Processor: threshold-rule (stores: [alert-threshold-state])
                      --> all-alerts
                      <-- progress-by-scope
                    Processor: all-alerts (stores: [])
                      --> alerts-out
                      <-- threshold-rule, pace-rule
                    Processor: invalid-progress-dead-letter (stores: [])
                      --> invalid-progress-out
                      <-- progress-invalid
                    Sink: alerts-out (topic: pulse.alerts.v1)
                      <-- all-alerts
                    Sink: invalid-progress-out (topic: pulse.alerts.dlq.v1)
                      <-- invalid-progress-dead-letter""");
    }
}
