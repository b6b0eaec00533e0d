package vn.investpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerPerformanceRunTest {

    private static final String HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
            + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

    @Test
    void readsTheSummaryLineAmongLogLines() {
        List<String> output = List.of(
                "12:01:02.345 INFO  o.a.k.clients.consumer.ConsumerConfig - ConsumerConfig values: ",
                "\tbootstrap.servers = [127.0.0.1:40123]",
                HEADER,
                "12:01:05.001 INFO  o.a.k.c.c.internals.ConsumerCoordinator - [Consumer clientId=perf-consumer-client] Revoke previously assigned partitions",
                "2026-11-21T12:01:02.400, 2026-11-21T12:01:05.000, 2.2150, 0.8519, 20000, 7692.3077, 312, 2288, 0.9681, 8741.2587");

        ConsumerPerformanceRun.Summary s = ConsumerPerformanceRun.parse(output);

        assertThat(s.records()).isEqualTo(20_000);
        assertThat(s.recordsPerSecond()).isEqualTo(7692.3077);
        assertThat(s.megabytes()).isEqualTo(2.215);
        assertThat(s.joinMs()).isEqualTo(312);
        assertThat(s.fetchMs()).isEqualTo(2288);
        assertThat(s.fetchRecordsPerSecond()).isEqualTo(8741.2587);
        assertThat(ConsumerPerformanceRun.row(s).note).contains("20,000 records").contains("312 ms group join");
    }

    @Test
    void aRateOfAZeroMillisecondFetchIsStillASummary() {
        ConsumerPerformanceRun.Summary s = ConsumerPerformanceRun.parse(List.of(HEADER,
                "2026-11-21T12:01:02.400, 2026-11-21T12:01:02.400, 0.0000, NaN, 0, NaN, 0, 0, NaN, NaN"));

        assertThat(s.records()).isZero();
        assertThat(s.fetchRecordsPerSecond()).isNaN();
    }

    @Test
    void aTimeoutOrAMissingSummaryIsAnError() {
        assertThatThrownBy(() -> ConsumerPerformanceRun.parse(List.of(HEADER,
                "WARNING: Exiting before consuming the expected number of records: timeout (10000 ms) exceeded. You can use the --timeout option to increase the timeout.",
                "2026-11-21T12:01:02.400, 2026-11-21T12:01:15.000, 1.0000, 0.0800, 9000, 714.2857, 312, 12288, 0.0814, 732.4219")))
                .hasMessageContaining("timed out");
        assertThatThrownBy(() -> ConsumerPerformanceRun.parse(List.of(HEADER, "Exception in thread main")))
                .hasMessageContaining("no summary line").hasMessageContaining("Exception in thread main");
    }
}
