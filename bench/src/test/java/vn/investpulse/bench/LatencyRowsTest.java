package vn.investpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyRowsTest {

    @Test
    void percentilesAreNearestRank() {
        double[] ms = IntStream.rangeClosed(1, 1000).mapToDouble(i -> i).toArray();

        List<Results.Row> rows = LocalRuntimeBenchmarks.latencyRows(ms, 0, 20);

        assertThat(rows).extracting(r -> r.id).containsExactly(Results.LATENCY_P50, Results.LATENCY_P95, Results.LATENCY_P99,
                Results.LATENCY_MAX);
        assertThat(rows).extracting(r -> r.value).containsExactly(500.0, 950.0, 990.0, 1000.0);
        assertThat(rows.get(2).note).contains("target p99 < 500 ms: missed");
    }

    @Test
    void eventsThatNeverArrivedCountAsSlowerThanAnyAndAreReported() {
        double[] ms = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();
        ms[3] = Double.POSITIVE_INFINITY;
        ms[7] = Double.POSITIVE_INFINITY;

        List<Results.Row> rows = LocalRuntimeBenchmarks.latencyRows(ms, 2, 20);

        assertThat(rows.get(2).value).as("p99 of 100 with 2 lost").isInfinite();
        assertThat(rows.get(3).value).isInfinite();
        assertThat(rows.get(2).note).contains("2 of 100 never arrived");
    }
}
