package vn.investpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.embedded.EmbeddedPlatform;

/**
 * The benchmark run: every measurement side by side on this machine, printed as a table and written to
 * {@code bench/results/latest.md}, {@code latest.csv} and the chart {@code latest.png}.
 *
 * <pre>
 * ./mvnw -q -o -pl bench compile exec:exec                                            # the sizes
 * ./mvnw -q -o -pl bench compile exec:exec -Dbench.args="-events 20000 -skip-local"   # a quick check
 * </pre>
 *
 * Options: {@code -events N} (replay size, default 1,000,000), {@code -latency-events N} (1,000),
 * {@code -latency-rate R} (events per second, 20), {@code -import-rows N} (100,000), {@code -seed S},
 * {@code -skip-local} (only the broker-side measurements), {@code -out DIR} (results directory, {@code results}).
 * See bench/README.md for what each row measures.
 */
public final class BenchMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private static final int PARTITIONS = 3;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Results results = new Results(Machine.describe(), o.describe());
        Path work = Files.createTempDirectory("pulse-bench-");
        LOG.info("Benchmark: {} events (seed {}), work dir {}", o.events, o.seed, work);
        try {
            try (EmbeddedPlatform platform = new EmbeddedPlatform(work.resolve("platform"), 0, 0, PARTITIONS)) {
                platform.start();
                BrokerBenchmarks broker = new BrokerBenchmarks(platform, work, o.events, o.seed);
                results.add(broker.produce());
                Results.Row consumer = results.add(broker.consumerPerformance());
                results.add(broker.plainConsumer());
                Results.Row trivial = results.add(broker.trivialStreamsApp());
                Results.Row floor = results.add(broker.floorStreamsApp());
                Results.Row replay = broker.processorReplay();
                replay.ratio(consumer.perSecond(), trivial.perSecond(), floor.perSecond());
                replay.secondHalfRatio(trivial);
                results.add(replay);
            }
            if (!o.skipLocal) {
                try (LocalRuntimeBenchmarks local = new LocalRuntimeBenchmarks(work.resolve("local"), o.seed)) {
                    results.add(local.coldStart());
                    results.addAll(local.liveLatency(o.latencyEvents, o.latencyRate));
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

    /** Command-line options; the defaults are the sizes of issue #9. */
    record Options(int events, int latencyEvents, double latencyRate, int importRows, long seed, boolean skipLocal, Path out,
                   Instant started) {

        static final int DEFAULT_EVENTS = 1_000_000;
        static final int DEFAULT_LATENCY_EVENTS = 1_000;
        static final double DEFAULT_LATENCY_RATE = 20;
        static final int DEFAULT_IMPORT_ROWS = 100_000;
        static final long DEFAULT_SEED = 20261121L;

        static Options parse(String... args) {
            int events = DEFAULT_EVENTS;
            int latencyEvents = DEFAULT_LATENCY_EVENTS;
            double latencyRate = DEFAULT_LATENCY_RATE;
            int importRows = DEFAULT_IMPORT_ROWS;
            long seed = DEFAULT_SEED;
            boolean skipLocal = false;
            Path out = Path.of("results");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-events" -> events = positive(a, value(args, ++i, a));
                    case "-latency-events" -> latencyEvents = positive(a, value(args, ++i, a));
                    case "-latency-rate" -> latencyRate = positiveRate(a, value(args, ++i, a));
                    case "-import-rows" -> importRows = positive(a, value(args, ++i, a));
                    case "-seed" -> seed = number(a, value(args, ++i, a));
                    case "-skip-local" -> skipLocal = true;
                    case "-out" -> out = Path.of(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a + "; the options are -events N, -latency-events N, "
                            + "-latency-rate R, -import-rows N, -seed S, -skip-local, -out DIR (bench/README.md)");
                }
            }
            return new Options(events, latencyEvents, latencyRate, importRows, seed, skipLocal, out, Instant.now());
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long number(String option, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
            }
        }

        private static int positive(String option, String value) {
            long n = number(option, value);
            if (n <= 0 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be between 1 and " + Integer.MAX_VALUE + ", not " + value);
            }
            return (int) n;
        }

        private static double positiveRate(String option, String value) {
            try {
                double r = Double.parseDouble(value);
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException(option + " must be a positive number of events per second, not " + value);
                }
                return r;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a number of events per second, not '" + value + "'");
            }
        }

        List<String> describe() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "replay events: %,d (seed %d)", events, seed));
            if (skipLocal) {
                out.add("local runtime (3, 4, 5): skipped (-skip-local)");
            } else {
                out.add(String.format(Locale.ROOT, "live latency: %,d events at %.0f/s", latencyEvents, latencyRate));
                out.add(String.format(Locale.ROOT, "import: %,d CSV rows", importRows));
            }
            out.add("started: " + started.truncatedTo(ChronoUnit.SECONDS));
            return out;
        }
    }
}
