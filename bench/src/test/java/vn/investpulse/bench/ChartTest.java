package vn.investpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    /** The figures of the 30,000-event run of 2026-11-21 (old processor), plus a ConsumerPerformance row. */
    private static final List<Results.Row> THROUGHPUTS = List.of(
            new Results.Row(Results.SETUP, "setup: produce the register", 29_198, "events/s", "not a target"),
            new Results.Row(Results.CONSUMER_PERFORMANCE, "limit: Kafka's ConsumerPerformance on the input", 180_000, "records/s", ""),
            new Results.Row(Results.PLAIN_CONSUMER, "limit: plain KafkaConsumer loop on the input", 132_558, "records/s", ""),
            new Results.Row(Results.TRIVIAL_STREAMS, "limit: trivial Streams app", 9_508, "events/s", ""),
            new Results.Row(Results.REPLAY, "replay: real processor topology", 235, "events/s", ""),
            new Results.Row(Results.COLD_START, "local runtime: cold start to ready", 23.15, "s", ""),
            new Results.Row(Results.IMPORT, "import: CSV through the CLI", 2_677, "rows/s", ""),
            new Results.Row(Results.RSS, "local runtime: RSS after the replay", 1_303, "MiB", ""));
    private static final List<Results.Row> LATENCY = List.of(
            new Results.Row(Results.LATENCY_P50, "live latency, p50", 594, "ms", ""),
            new Results.Row(Results.LATENCY_P95, "live latency, p95", 2_837, "ms", ""),
            new Results.Row(Results.LATENCY_P99, "live latency, p99", 3_354, "ms", ""),
            new Results.Row(Results.LATENCY_MAX, "live latency, max", 3_619, "ms", ""));

    @Test
    void writesADecodablePngOfTheExpectedSizeLinkedFromTheMarkdown(@TempDir Path dir) throws Exception {
        Results results = new Results(List.of("cores (nproc): 2"), List.of("replay events: 30,000 (seed 1)", "started: 2026-11-21T11:29:05Z"));
        THROUGHPUTS.forEach(results::add);
        LATENCY.forEach(results::add);

        results.write(dir);

        BufferedImage png = ImageIO.read(dir.resolve(Results.CHART).toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(Chart.WIDTH);
        assertThat(png.getHeight()).isEqualTo(Chart.HEIGHT);
        assertThat(Files.readString(dir.resolve(Results.MARKDOWN))).contains("](" + Results.CHART + ")");
        assertThat(nonBackground(png)).as("share of drawn pixels").isGreaterThan(0.03);
        assertThat(extent(png, Chart.LIMIT)).as("limit bars").isPositive();
        assertThat(extent(png, Chart.OTHER)).as("import bar").isPositive();
        assertThat(extent(png, Chart.TARGET)).as("p99 over the target, and the target line").isPositive();
    }

    @Test
    void throughputsAreOnALogScale() {
        BufferedImage png = Chart.render(THROUGHPUTS, "fixed rows");

        // 235 and 2,677 per second on an axis of 100 .. 1M: on a log scale the import bar is ~3.8 times as long as the
        // replay's (log10 2677 - 2) / (log10 235 - 2); on a linear one it would be 11.4 times.
        double ratio = (double) extent(png, Chart.OTHER) / extent(png, Chart.PIPELINE);
        assertThat(ratio).isBetween(3.5, 4.2);
    }

    @Test
    void aRunWithoutTheLocalRuntimeDrawsNoLatencyBarsButStillTheThroughputs() {
        BufferedImage png = Chart.render(THROUGHPUTS, "-skip-local");

        assertThat(extent(png, Chart.PIPELINE)).isPositive();
        assertThat(extent(png, Chart.TARGET)).as("no latency: no p99 bar, no target line").isZero();
    }

    @Test
    void aPercentileOfEventsThatNeverArrivedIsDrawnAcrossTheAxis() {
        List<Results.Row> lost = List.of(
                new Results.Row(Results.LATENCY_P50, "live latency, p50", 420, "ms", ""),
                new Results.Row(Results.LATENCY_P95, "live latency, p95", 900, "ms", ""),
                new Results.Row(Results.LATENCY_P99, "live latency, p99", Double.POSITIVE_INFINITY, "ms", ""));

        BufferedImage png = Chart.render(lost, "lost events");

        // The p99 bar (red: over the target) runs to the end of the 0 .. 1,000 axis; the p95 bar (blue) to 900.
        double ratio = (double) extent(png, Chart.LIMIT) / extent(png, Chart.TARGET);
        assertThat(ratio).isBetween(0.85, 0.92);
    }

    @Test
    void aNiceCeilingIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Chart.niceCeiling(525)).isEqualTo(1000);
        assertThat(Chart.niceCeiling(3800)).isEqualTo(5000);
        assertThat(Chart.niceCeiling(120)).isEqualTo(200);
        assertThat(Chart.niceCeiling(500)).isEqualTo(500);
    }

    private static double nonBackground(BufferedImage png) {
        int background = Chart.BACKGROUND.getRGB();
        long drawn = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if (png.getRGB(x, y) != background) {
                    drawn++;
                }
            }
        }
        return drawn / (double) (png.getWidth() * png.getHeight());
    }

    /** The widest horizontal run of pixels of exactly {@code color} (a bar's length), 0 when there is none. */
    private static int extent(BufferedImage png, Color color) {
        int rgb = color.getRGB();
        int widest = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < png.getWidth(); x++) {
                run = png.getRGB(x, y) == rgb ? run + 1 : 0;
                widest = Math.max(widest, run);
            }
        }
        return widest;
    }
}
