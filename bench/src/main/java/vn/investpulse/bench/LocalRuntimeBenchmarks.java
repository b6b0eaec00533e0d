package vn.investpulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.FreePorts;
import vn.investpulse.ingest.IngestMain;
import vn.investpulse.ingest.demo.DemoData;
import vn.investpulse.local.LocalRuntime;
import vn.investpulse.processor.topology.ProcessorTopology;

/**
 * The measurements on the local runtime ({@link LocalRuntime}: broker, registry and every service in one JVM, as a
 * user runs it), started as its own process on a fresh data directory: cold start to ready, live latency from an
 * HTTP POST to the change on the SSE stream, the CSV import CLI, and resident memory after the import's replay.
 */
final class LocalRuntimeBenchmarks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntimeBenchmarks.class);
    private static final String TOKEN = "bench-token-0123456789";
    private static final String PROCESSOR_GROUP = "invest-pulse-processor";
    private static final Duration START_DEADLINE = Duration.ofMinutes(10);
    private static final Duration ARRIVAL_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * Events POSTed before the measured ones, at the same rate, and not counted: the first seconds after a cold start
     * measure the JIT compiling the pipeline (first 50 events: p50 ~580 ms, max ~1.2 s; from the 100th on: max ~350 ms),
     * not the latency a monitoring room sees. They use a sector the measured events never use, so they cannot make a
     * measured event look arrived.
     */
    static final int WARM_UP_EVENTS = 200;
    private static final String WARM_UP_SECTOR = "C11";
    static final double TARGET_P99_MS = 500;
    private static final String EVENTS_HEADER = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final long seed;
    private final int httpPort = FreePorts.pick();
    private final int kafkaPort = FreePorts.pick();
    private final int registryPort = FreePorts.pick();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process runtime;

    LocalRuntimeBenchmarks(Path dir, long seed) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.seed = seed;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** (4a) From launching {@code LocalRuntime} on an empty data directory to {@code /health/ready} answering 200. */
    Results.Row coldStart() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx1g", "-Duser.timezone=America/New_York", "-cp", System.getProperty("java.class.path"),
                LocalRuntime.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("PULSE_"));
        pb.environment().putAll(Map.of("PULSE_DATA_DIR", dir.resolve("data").toString(), "PULSE_HTTP_PORT", Integer.toString(httpPort),
                "PULSE_KAFKA_PORT", Integer.toString(kafkaPort), "PULSE_REGISTRY_PORT", Integer.toString(registryPort),
                "PULSE_DEMO", "false", "PULSE_API_TOKEN", TOKEN));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("local-runtime.log").toFile());
        long start = System.nanoTime();
        runtime = pb.start();
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (status("/health/ready") != 200) {
            if (!runtime.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the local runtime did not become ready; see " + dir.resolve("local-runtime.log"));
            }
            BrokerBenchmarks.sleep(POLL);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Results.Row(Results.COLD_START, "local runtime: cold start to ready", seconds, "s",
                "process launch on an empty data dir to /health/ready = 200 (broker, registry, topics, every service)");
    }

    /** POSTs one CSV row to the ingest API; anything but "1 accepted" stops the run. */
    private void post(String row, String what) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/events"))).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(EVENTS_HEADER + row)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || JSON.readTree(r.body()).path("accepted").asInt() != 1) {
            throw new IllegalStateException("POST " + what + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * (3) {@code n} events POSTed one by one at a steady {@code rate} to {@code /api/v1/events}, dated today in Hai Phong
     * (a live registration), rotating over 25 sectors. Event i is the k-th new project of its sector this month, so it has
     * arrived when the SSE stream shows FDI/SECTOR/its sector/MONTH with {@code newProjects >= k} (exact even when one
     * emission carries several events).
     */
    List<Results.Row> liveLatency(int n, double rate) throws Exception {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        HttpRequest sse = HttpRequest.newBuilder(URI.create(url("/api/v1/indicators/stream"))).header("Accept", "text/event-stream").build();
        var stream = http.sendAsync(sse, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> readEvents(response.body(), arrivals), "bench-sse-reader");
        reader.setDaemon(true);
        reader.start();

        long intervalNanos = (long) (1e9 / rate);
        long w0 = System.nanoTime();
        for (int i = 0; i < WARM_UP_EVENTS; i++) {
            long wait = w0 + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            post("WARM-" + seed + "-" + i + ",WARM-GCN-" + seed + "-" + i + ",NEW,FDI,Warm-up Co.,KR,DEEP_C," + WARM_UP_SECTOR
                    + ",1000000,USD," + LocalDate.now(SyntheticRegister.HAI_PHONG) + "\n", "warm-up " + i);
        }
        Instant warmDeadline = Instant.now().plus(ARRIVAL_GRACE);
        while (arrival(arrivals, WARM_UP_SECTOR, WARM_UP_EVENTS, WARM_UP_EVENTS) == null && Instant.now().isBefore(warmDeadline)) {
            BrokerBenchmarks.sleep(POLL);
        }
        LOG.info("live latency: {} warm-up events posted (not counted), measuring {} now", WARM_UP_EVENTS, n);

        long[] posted = new long[n];
        String[] sectors = new String[n];
        int[] rank = new int[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = t0 + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String sector = SyntheticRegister.SECTORS.get(i % SyntheticRegister.SECTORS.size());
            sectors[i] = sector;
            rank[i] = i / SyntheticRegister.SECTORS.size() + 1;
            String row = "LAT-" + seed + "-" + i + ",LAT-GCN-" + seed + "-" + i + ",NEW,FDI,Latency Probe Co.,KR,DEEP_C," + sector
                    + ",1000000,USD," + LocalDate.now(SyntheticRegister.HAI_PHONG) + "\n";
            posted[i] = System.nanoTime();
            post(row, Integer.toString(i));
        }
        Instant deadline = Instant.now().plus(ARRIVAL_GRACE);
        while (arrival(arrivals, sectors[n - 1], rank[n - 1], n) == null && Instant.now().isBefore(deadline)) {
            BrokerBenchmarks.sleep(POLL);
        }
        double[] latencies = new double[n];
        int missing = 0;
        for (int i = 0; i < n; i++) {
            Long at = arrival(arrivals, sectors[i], rank[i], n);
            if (at == null) {
                missing++;
                latencies[i] = Double.POSITIVE_INFINITY; // never arrived: slower than any that did
            } else {
                latencies[i] = ms(at - posted[i]);
            }
        }
        reader.interrupt();
        response.body().close();
        if (missing > 0) {
            logWhatArrived(arrivals, sectors, rank);
        }
        return latencyRows(latencies, missing, rate);
    }

    /**
     * p50, p95, p99 and max of {@code latencies} (nearest rank); events that never arrived count as infinitely slow, so
     * they show in the percentiles they reach instead of being left out.
     */
    static List<Results.Row> latencyRows(double[] latencies, int missing, double rate) {
        int n = latencies.length;
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 0.50);
        double p95 = percentile(sorted, 0.95);
        double p99 = percentile(sorted, 0.99);
        double max = sorted[n - 1];
        String lost = missing == 0 ? "" : String.format(Locale.ROOT, "; %d of %d never arrived within %d s (counted as infinite)",
                missing, n, ARRIVAL_GRACE.toSeconds());
        String target = p99 < TARGET_P99_MS ? "met" : "missed";
        return List.of(
                new Results.Row(Results.LATENCY_P50, "live latency POST -> SSE, p50", p50, "ms", "median" + lost),
                new Results.Row(Results.LATENCY_P95, "live latency POST -> SSE, p95", p95, "ms", "95th percentile"),
                new Results.Row(Results.LATENCY_P99, "live latency POST -> SSE, p99", p99, "ms", String.format(Locale.ROOT,
                        "%,d events POSTed one by one at %.0f/s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; target p99 < %.0f ms: %s%s",
                        n, rate, p50, p95, p99, max, TARGET_P99_MS, target, lost)),
                new Results.Row(Results.LATENCY_MAX, "live latency POST -> SSE, max", max, "ms", "slowest of the " + n));
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least {@code q} of the values at or below it. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Per sector, the most new projects the stream showed against the number POSTed: where the missing events are. */
    private static void logWhatArrived(Map<String, Long> arrivals, String[] sectors, int[] rank) {
        Map<String, Integer> posted = new TreeMap<>();
        for (int i = 0; i < sectors.length; i++) {
            posted.merge(sectors[i], rank[i], Math::max);
        }
        StringBuilder seen = new StringBuilder();
        posted.forEach((sector, count) -> {
            int shown = arrivals.keySet().stream().filter(k -> k.startsWith(sector + "#"))
                    .mapToInt(k -> Integer.parseInt(k.substring(k.indexOf('#') + 1))).max().orElse(0);
            seen.append(' ').append(sector).append(' ').append(shown).append('/').append(count);
        });
        LOG.warn("live latency: events missing on the SSE stream; newProjects shown/posted per sector:{}", seen);
    }

    /** When the sector's month first showed at least {@code k} new projects, or null. */
    private static Long arrival(Map<String, Long> arrivals, String sector, int k, int max) {
        Long first = null;
        for (int count = k; count <= max; count++) {
            Long at = arrivals.get(sector + "#" + count);
            if (at != null && (first == null || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** Records when each (sector, newProjects) of FDI/SECTOR/MONTH first shows on the SSE stream, until it is closed. */
    private static void readEvents(Stream<String> lines, Map<String, Long> arrivals) {
        try {
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    long at = System.nanoTime();
                    try {
                        JsonNode i = JSON.readTree(line.substring(5).strip());
                        if ("FDI".equals(i.path("source").asText()) && "SECTOR".equals(i.path("dimension").asText())
                                && "MONTH".equals(i.path("periodKind").asText())) {
                            arrivals.putIfAbsent(i.path("dimensionValue").asText() + "#" + i.path("newProjects").asInt(), at);
                        }
                    } catch (IOException e) {
                        LOG.warn("unreadable SSE data: {}", line);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            // the benchmark closed the stream: done
        }
    }

    /** (5) A CSV of {@code rows} valid events through the import CLI ({@code ingest import events FILE}), process launch included. */
    Results.Row importCsv(int rows) throws Exception {
        Path csv = dir.resolve("import-" + rows + ".csv");
        DemoData.writeBenchmarkCsv(csv, rows, seed);
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), IngestMain.class.getName(),
                "import", "events", csv.toString(), "--url", url(""), "--token", TOKEN);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("import.log").toFile());
        long start = System.nanoTime();
        Process cli = pb.start();
        int exit = cli.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("the import CLI exited with " + exit + "; see " + dir.resolve("import.log"));
        }
        return new Results.Row(Results.IMPORT, "import: CSV through the CLI", rows / seconds, "rows/s",
                String.format(Locale.ROOT, "%,d rows (%,d bytes) in %.1f s, JVM launch included", rows, Files.size(csv), seconds));
    }

    /** (4b) Resident memory of the runtime JVM and its registry child once the processor has consumed the import. */
    Results.Row rssAfterReplay() {
        String repartition = PROCESSOR_GROUP + "-" + ProcessorTopology.REPARTITION + "-repartition";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
            BrokerBenchmarks.awaitTrue(() -> BrokerBenchmarks.lag(admin, PROCESSOR_GROUP, Set.of(Topics.REGISTRATIONS), Set.of(repartition)) == 0);
        }
        double own = Machine.rssMiB(runtime.pid()).orElse(Double.NaN);
        double children = runtime.toHandle().descendants().mapToDouble(p -> Machine.rssMiB(p.pid()).orElse(0.0)).sum();
        return new Results.Row(Results.RSS, "local runtime: RSS after the replay", own + children, "MiB",
                String.format(Locale.ROOT, "runtime JVM %.0f MiB + registry child %.0f MiB, after the import above was processed (-Xmx1g)",
                        own, children));
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (runtime != null && runtime.isAlive()) {
            runtime.destroy();
            if (!runtime.waitFor(90, TimeUnit.SECONDS)) {
                runtime.descendants().forEach(ProcessHandle::destroyForcibly);
                runtime.destroyForcibly();
            }
        }
    }

    static {
        if (!Files.isDirectory(Path.of("/proc"))) {
            LOG.warn("no /proc: resident memory cannot be measured on this OS");
        }
    }
}
