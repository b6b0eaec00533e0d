package vn.investpulse.ingest;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.ingest.cli.CliRunner;
import vn.investpulse.ingest.demo.DemoData;

/**
 * Benchmark (not a test): generates a CSV of N valid events (default 100,000) and imports it with the CLI
 * over HTTP into an in-process ingest service on an embedded broker and registry, printing rows/s.
 * Run with {@code ingest/bench/import-bench.sh [rows] [batch-size]}.
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String batch = args.length > 1 ? args[1] : "5000";
        Path work = Files.createTempDirectory("pulse-bench");
        Path csv = work.resolve("bench-" + rows + ".csv");
        DemoData.writeBenchmarkCsv(csv, rows, System.currentTimeMillis());
        System.out.printf("Generated %,d rows (%,d bytes) in %s%n", rows, Files.size(csv), csv);

        try (EmbeddedPlatform platform = new EmbeddedPlatform(work.resolve("platform"), 0, 0, 3)) {
            platform.start();
            IngestConfig config = IngestConfig.from(new ConfigSource(Map.of(
                            "PULSE_DATA_DIR", work.resolve("data").toString(),
                            "PULSE_MAX_BODY_BYTES", "100MB")))
                    .withPlatform(platform.bootstrapServers(), platform.registryApiUrl());
            try (IngestService ingest = new IngestService(config, platform.topics(), platform.serdes())) {
                Javalin app = Javalin.create();
                ingest.register(app);
                app.start("127.0.0.1", 0);
                ingest.start();
                if (!ingest.awaitReady(Duration.ofMinutes(2))) {
                    throw new IllegalStateException("ingest not ready");
                }
                String url = "http://127.0.0.1:" + app.port();
                // Warm-up: registers the schemas and JIT-compiles the path, as a long-running service would be.
                Path warm = work.resolve("warm.csv");
                DemoData.writeBenchmarkCsv(warm, 2_000, 1);
                CliRunner.run(new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err, false,
                        "import", "events", warm.toString(), "--url", url, "--token", ingest.apiToken());

                long start = System.nanoTime();
                int code = CliRunner.run(new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err, false,
                        "import", "events", csv.toString(), "--url", url, "--token", ingest.apiToken(), "--batch-size", batch);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("BENCHMARK: %,d rows imported through the CLI and HTTP API in %.1f s = %,.0f rows/s "
                        + "(batch size %s, exit code %d)%n", rows, seconds, rows / seconds, batch, code);
                app.stop();
            }
        }
    }
}
