package vn.investpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * (1a) Kafka's own consumer benchmark, {@link ConsumerPerformance} ({@code bin/kafka-consumer-perf-test.sh}), with its
 * default settings, in a JVM of its own as the script runs it. Not in-process: on any failure its {@code main} ends in
 * {@code Exit.exit(1)}, a {@code System.exit} that would take the benchmark's embedded broker down with it, and it
 * reports on {@code System.out}, which this JVM's logging shares.
 */
final class ConsumerPerformanceRun {

    static final String GROUP = "bench-consumer-performance";
    private static final Duration DEADLINE = Duration.ofMinutes(30);
    /**
     * The final line (no {@code --show-detailed-stats}): start, end, MB, MB/s, records, records/s, group join ms, fetch
     * ms, MB/s and records/s without the join. Rates are {@code NaN} or {@code Infinity} when the fetch took 0 ms.
     */
    private static final String RATE = "(-?[0-9.]+|NaN|-?Infinity)";
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\S+), (\\S+), ([0-9.]+), " + RATE + ", (\\d+), " + RATE + ", (\\d+), (-?\\d+), " + RATE + ", " + RATE + "$");
    private static final String TIMEOUT_WARNING = "WARNING: Exiting before consuming the expected number of records";

    /** What ConsumerPerformance printed. */
    record Summary(double megabytes, double megabytesPerSecond, long records, double recordsPerSecond, long joinMs, long fetchMs,
                   double fetchMegabytesPerSecond, double fetchRecordsPerSecond) {
    }

    private ConsumerPerformanceRun() {
    }

    /** The command line of one run: the tool's defaults, a fixed group, ISO dates so the summary line has no spaces. */
    static List<String> arguments(String bootstrapServers, String topic, long records) {
        return List.of("--bootstrap-server", bootstrapServers, "--topic", topic, "--num-records", Long.toString(records),
                "--group", GROUP, "--date-format", "yyyy-MM-dd'T'HH:mm:ss.SSS");
    }

    /** Runs the tool until it has read {@code records} records of {@code topic}; its output goes to {@code log}. */
    static Summary run(String bootstrapServers, String topic, long records, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), ConsumerPerformance.class.getName()));
        command.addAll(arguments(bootstrapServers, topic, records));
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!tool.waitFor(DEADLINE.toMinutes(), TimeUnit.MINUTES)) {
            tool.destroyForcibly();
            throw new IllegalStateException("ConsumerPerformance did not finish in " + DEADLINE + "; output in " + log);
        }
        List<String> output = Files.readAllLines(log);
        if (tool.exitValue() != 0) {
            throw new IllegalStateException("ConsumerPerformance exited with " + tool.exitValue() + ": " + tail(output));
        }
        Summary summary = parse(output);
        if (summary.records() != records) {
            throw new IllegalStateException("ConsumerPerformance read " + summary.records() + " records, expected " + records + ": " + tail(output));
        }
        return summary;
    }

    /** The summary line of the tool's output; an error naming what is wrong when there is none or it timed out. */
    static Summary parse(List<String> output) {
        for (String line : output) {
            if (line.startsWith(TIMEOUT_WARNING)) {
                throw new IllegalStateException("ConsumerPerformance timed out before reading every record: " + line);
            }
        }
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher m = SUMMARY.matcher(output.get(i).strip());
            if (m.matches()) {
                return new Summary(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)),
                        Double.parseDouble(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                        Double.parseDouble(m.group(9)), Double.parseDouble(m.group(10)));
            }
        }
        throw new IllegalStateException("no summary line in the output of ConsumerPerformance: " + tail(output));
    }

    /** The row: the tool's headline figure (records/s including the group join), the rest in the note. */
    static Results.Row row(Summary s) {
        return new Results.Row(Results.CONSUMER_PERFORMANCE, "limit: Kafka's ConsumerPerformance", s.recordsPerSecond(), "records/s",
                String.format(Locale.ROOT, "kafka-tools %s (kafka-consumer-perf-test, defaults, own JVM): %,d records, %.1f MB in %.1f s "
                        + "= %.1f MB/s; without the %d ms group join %,.0f records/s, %.1f MB/s",
                        AppInfoParser.getVersion(), s.records(), s.megabytes(), (s.joinMs() + s.fetchMs()) / 1000.0,
                        s.megabytesPerSecond(), s.joinMs(), s.fetchRecordsPerSecond(), s.fetchMegabytesPerSecond()));
    }

    private static String tail(List<String> output) {
        return String.join(" / ", output.subList(Math.max(0, output.size() - 5), output.size()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
