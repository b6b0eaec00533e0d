package vn.investpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.embedded.EmbeddedPlatform;

/**
 * The benchmark run: every measurement side by side on this machine, printed as a table and written to
 * {@code bench/results/latest.md} and {@code latest.csv}.
 *
 * <pre>
 * ./mvnw -q -o -pl bench compile exec:exec -Dbench.args="-events 200000"
 * </pre>
 *
 * Options: {@code -events N} (replay size, default 1,000,000), {@code -latency-events N} (1,000),
 * {@code -latency-rate R} (events per second, 20), {@code -import-rows N} (100,000), {@code -seed S},
 * {@code -skip-local} (only the broker-side measurements), {@code -out DIR} (results directory, {@code results}).
 */
public final class BenchMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private static final int PARTITIONS = 3;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Results results = new Results(Machine.describe(), o);
        Path work = Files.createTempDirectory("pulse-bench-");
        LOG.info("Benchmark: {} events (seed {}), work dir {}", o.events, o.seed, work);
        try {
            try (EmbeddedPlatform platform = new EmbeddedPlatform(work.resolve("platform"), 0, 0, PARTITIONS)) {
                platform.start();
                BrokerBenchmarks broker = new BrokerBenchmarks(platform, work, o.events, o.seed);
                results.add(broker.produce());
                Results.Row consumer = results.add(broker.plainConsumer());
                Results.Row trivial = results.add(broker.trivialStreamsApp());
                Results.Row replay = broker.processorReplay();
                replay.ratio(consumer.perSecond(), trivial.perSecond());
                results.add(replay);
            }
            if (!o.skipLocal) {
                try (LocalRuntimeBenchmarks local = new LocalRuntimeBenchmarks(work.resolve("local"), o.seed)) {
                    results.add(local.coldStart());
                    results.add(local.liveLatency(o.latencyEvents, o.latencyRate));
                    results.add(local.importCsv(o.importRows));
                    results.add(local.rssAfterReplay());
                }
            }
        } finally {
            results.print();
            results.write(o.out);
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }

    /** Command-line options. */
    record Options(int events, int latencyEvents, double latencyRate, int importRows, long seed, boolean skipLocal, Path out,
                   Instant started) {

        static Options parse(String[] args) {
            int events = 1_000_000;
            int latencyEvents = 1_000;
            double latencyRate = 20;
            int importRows = 100_000;
            long seed = 20261121L;
            boolean skipLocal = false;
            Path out = Path.of("results");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-events" -> events = Integer.parseInt(args[++i]);
                    case "-latency-events" -> latencyEvents = Integer.parseInt(args[++i]);
                    case "-latency-rate" -> latencyRate = Double.parseDouble(args[++i]);
                    case "-import-rows" -> importRows = Integer.parseInt(args[++i]);
                    case "-seed" -> seed = Long.parseLong(args[++i]);
                    case "-skip-local" -> skipLocal = true;
                    case "-out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + a + "; see the javadoc of BenchMain or bench/README.md");
                }
            }
            return new Options(events, latencyEvents, latencyRate, importRows, seed, skipLocal, out, Instant.now());
        }

        List<String> describe() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "replay events: %,d (seed %d)", events, seed));
            out.add(String.format(Locale.ROOT, "live latency: %,d events at %.0f/s", latencyEvents, latencyRate));
            out.add(String.format(Locale.ROOT, "import: %,d CSV rows", importRows));
            out.add("started: " + started);
            return out;
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
