package vn.investpulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.ingest.IngestService;
import vn.investpulse.ingest.TopicContents;
import vn.investpulse.ingest.cli.CliRunner;
import vn.investpulse.schemas.RegistrationEvent;

/** The import CLI against a running ingest service on the embedded platform. */
@ExtendWith(EmbeddedPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandIT {

    static final String HEADER = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\n";

    EmbeddedPlatform platform;
    IngestService ingest;
    Javalin app;
    Path dataDir;

    @BeforeAll
    void start(EmbeddedPlatform platform) throws IOException {
        this.platform = platform;
        dataDir = Files.createTempDirectory("ingest-cli-it");
        // No PULSE_API_TOKEN: local mode generates one into the data dir, which the CLI then reads.
        IngestConfig config = IngestConfig.from(new ConfigSource(Map.of("PULSE_DATA_DIR", dataDir.toString())))
                .withPlatform(platform.bootstrapServers(), platform.registryApiUrl());
        ingest = new IngestService(config, platform.topics(), platform.serdes());
        app = Javalin.create();
        ingest.register(app);
        app.start("127.0.0.1", 0);
        ingest.start();
        assertThat(ingest.awaitReady(Duration.ofSeconds(90))).isTrue();
    }

    @AfterAll
    void stop() {
        app.stop();
        ingest.close();
    }

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliRunner.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String url() {
        return "http://127.0.0.1:" + app.port();
    }

    @Test
    void theGeneratedTokenIsStoredAndReusedOnTheNextStart() throws IOException {
        Path tokenFile = dataDir.resolve("api-token");
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(ingest.apiToken());
        IngestConfig again = IngestConfig.from(new ConfigSource(Map.of("PULSE_DATA_DIR", dataDir.toString())))
                .withPlatform(platform.bootstrapServers(), platform.registryApiUrl());
        try (IngestService second = new IngestService(again, platform.topics(), platform.serdes())) {
            assertThat(second.apiToken()).isEqualTo(ingest.apiToken());
        }
    }

    @Test
    void importsInBatchesReportsOriginalLinesDuplicatesAcrossBatchesAndExitsNonZeroOnRejections(@TempDir Path dir)
            throws IOException {
        String id = "CLI-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 12; i++) {
            String sector = i == 8 ? "C99" : "C26";                       // line 9: rejected
            String eventId = i == 11 ? id + "-2" : id + "-" + i;           // line 12: duplicate of line 3
            csv.append(eventId).append(",CERT-").append(id).append('-').append(i % 3)
                    .append(",NEW,FDI,\"Công ty Hải Phòng, số ").append(i).append("\",KR,DEEP_C,").append(sector)
                    .append(",1000000,USD,2025-0").append(1 + i % 9).append("-15\n");
        }
        Path file = dir.resolve("batch.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Run run = run("import", "events", file.toString(), "--url", url(), "--token", ingest.apiToken(), "--batch-size", "5");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("10 accepted, 1 duplicates, 1 rejected")
                .contains("line 9 [" + id + "-8]: sector_code 'C99'")
                .contains("line 12 [" + id + "-2]: same id as line 3")
                .contains("import events: 12/12 rows (100%)");
        List<ConsumerRecord<String, RegistrationEvent>> events = TopicContents.<RegistrationEvent>read(
                        platform.bootstrapServers(), platform.serdes(), Topics.REGISTRATIONS).stream()
                .filter(r -> r.value().getEventId().startsWith(id)).toList();
        assertThat(events).hasSize(10);
        assertThat(events).allSatisfy(r -> {
            assertThat(r.value().getSource().getConnector()).isEqualTo("csv-import");
            assertThat(r.value().getSource().getFile()).isEqualTo("batch.csv");
        });
        assertThat(events).extracting(r -> r.value().getSource().getLine())
                .containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L, 11L, 13L);
    }

    @Test
    void dryRunWritesNothingAndACleanImportExitsZero(@TempDir Path dir) throws IOException {
        String id = "DRY-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("clean.csv");
        Files.writeString(file, HEADER + id + ",CD-" + id + ",NEW,DDI,Công ty Cổ phần Gemadept,VN,DINH_VU_CAT_HAI,H52,"
                + "2000000000000,VND,2025-06-30\n", StandardCharsets.UTF_8);

        Run dry = run("import", "events", file.toString(), "--url", url(), "--token", ingest.apiToken(), "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("Checked (dry run, nothing written) events from clean.csv: 1 accepted");
        assertThat(TopicContents.<RegistrationEvent>read(platform.bootstrapServers(), platform.serdes(), Topics.REGISTRATIONS))
                .noneMatch(r -> r.value().getEventId().equals(id));

        Run real = run("import", "events", file.toString(), "--url", url(), "--token", ingest.apiToken());
        assertThat(real.exitCode()).isZero();
        assertThat(TopicContents.<RegistrationEvent>read(platform.bootstrapServers(), platform.serdes(), Topics.REGISTRATIONS))
                .anyMatch(r -> r.value().getEventId().equals(id));
    }

    @Test
    void referenceImportsAndAWrongTokenExitsWithTheServersReason(@TempDir Path dir) throws IOException {
        Path zones = dir.resolve("zones.csv");
        Files.writeString(zones, "Mã,Tên tiếng Việt,Tên tiếng Anh,Loại hình\nCLI_ZONE,KCN Thử nghiệm,Test Park,KCN\n");
        Run ok = run("import", "zones", zones.toString(), "--url", url(), "--token", ingest.apiToken());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ingest.reference().hasZone("CLI_ZONE")).isTrue();

        Run refused = run("import", "zones", zones.toString(), "--url", url(), "--token", "wrong-token-123456");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("HTTP 401");

        Run usage = run("import", "things", zones.toString(), "--url", url(), "--token", ingest.apiToken());
        assertThat(usage.exitCode()).isEqualTo(2);
    }

    @Test
    void xlsxAndJsonFiles(@TempDir Path dir) throws IOException {
        String id = "XJ-" + UUID.randomUUID().toString().substring(0, 8);
        Path xlsx = dir.resolve("export.xlsx");
        Files.write(xlsx, vn.investpulse.ingest.parse.XlsxTableReaderTest.workbook(
                vn.investpulse.ingest.parse.XlsxTableReaderTest.VIETNAMESE_HEADER, List.of(
                        List.of(id + "-x", "CX-" + id, "NEW", "FDI", "Pegatron Corporation", "TW", "DEEP_C", "C26",
                                480_000_000, "USD", java.time.LocalDate.of(2025, 2, 14)))));
        Run x = run("import", "events", xlsx.toString(), "--url", url(), "--token", ingest.apiToken());
        assertThat(x.exitCode()).as(x.out() + x.err()).isZero();
        assertThat(x.out()).contains("1 accepted");

        Path json = dir.resolve("events.json");
        Files.writeString(json, "[{\"eventId\":\"" + id + "-j\",\"certificateNo\":\"CJ-" + id + "\",\"eventType\":\"NEW\","
                + "\"capitalSource\":\"FDI\",\"investorName\":\"Wistron Corporation\",\"investorCountry\":\"TW\","
                + "\"zoneCode\":\"VSIP_HP\",\"sectorCode\":\"C26\",\"amount\":12000000,\"currency\":\"TWD\",\"effectiveAt\":\"2025-03-01\"},"
                + "{\"eventId\":\"" + id + "-j\"}]");
        Run j = run("import", "events", json.toString(), "--url", url(), "--token", ingest.apiToken(), "--batch-size", "1");
        assertThat(j.exitCode()).isZero();
        assertThat(j.out()).contains("1 accepted, 1 duplicates, 0 rejected").contains("line 2 [" + id + "-j]: same id as line 1");
    }
}
