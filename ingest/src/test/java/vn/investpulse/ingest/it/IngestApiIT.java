package vn.investpulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.ingest.IngestService;
import vn.investpulse.ingest.TopicContents;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.RegistrationEvent;
import vn.investpulse.schemas.Zone;

/** The HTTP API against the real broker and registry. */
@ExtendWith(EmbeddedPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestApiIT {

    static final String TOKEN = "it-token-0123456789abcdef";
    static final String HEADER = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\n";
    static final long MAX_BODY = 64 * 1024;

    EmbeddedPlatform platform;
    IngestService ingest;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start(EmbeddedPlatform platform) throws IOException {
        this.platform = platform;
        Path dataDir = Files.createTempDirectory("ingest-it");
        IngestConfig config = IngestConfig.from(new ConfigSource(java.util.Map.of(
                        "PULSE_API_TOKEN", TOKEN,
                        "PULSE_DATA_DIR", dataDir.toString(),
                        "PULSE_MAX_BODY_BYTES", Long.toString(MAX_BODY))))
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
        if (app != null) {
            app.stop();
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postCsv(String path, String csv) throws Exception {
        return post(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8), TOKEN);
    }

    <V extends org.apache.avro.specific.SpecificRecord> List<ConsumerRecord<String, V>> topic(String name) {
        return TopicContents.read(platform.bootstrapServers(), platform.serdes(), name);
    }

    List<ConsumerRecord<String, RegistrationEvent>> eventsFrom(String file) {
        List<ConsumerRecord<String, RegistrationEvent>> all = topic(Topics.REGISTRATIONS);
        return all.stream().filter(r -> file.equals(r.value().getSource().getFile()))
                .sorted(java.util.Comparator.comparing(r -> r.value().getSource().getLine())).toList();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void defaultZonesAndRatesAreSeeded() {
        assertThat(ingest.reference().zoneCodes()).contains("DEEP_C", "DINH_VU_CAT_HAI", "XUAN_CAU");
        assertThat(ingest.reference().currencies()).contains("USD", "JPY", "KRW", "EUR", "CNY", "SGD", "TWD");
    }

    @Test
    void eventsAreAcceptedRejectedToTheDeadLetterTopicAndDuplicatesReported() throws Exception {
        String id = unique("E");
        String file = unique("events") + ".csv";
        String csv = HEADER
                + id + "-1,C-" + id + ",NEW,FDI,\"Công ty TNHH \"\"Hải Âu\"\", Chi nhánh\",KR,DEEP_C,C26,35000000.5,USD,2024-03-31\n"
                + id + "-2,C-" + id + ",CAPITAL_INCREASE,FDI,X,KR,DEEP_C,C26,-1,USD,2024-04-01\n"
                + id + "-1,C-" + id + ",NEW,FDI,\"Công ty TNHH \"\"Hải Âu\"\", Chi nhánh\",KR,DEEP_C,C26,35000000.5,USD,2024-03-31\n"
                + id + "-3,C-" + id + ",TERMINATION,FDI,X,KR,DEEP_C,C26,,,2023-12-31T17:10:00Z\n";

        HttpResponse<String> response = postCsv("/api/v1/events?file=" + file, csv);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("duplicates").asInt()).isEqualTo(1);
        assertThat(body.get("rejected")).hasSize(1);
        JsonNode rejected = body.get("rejected").get(0);
        assertThat(rejected.get("line").asLong()).isEqualTo(3);
        assertThat(rejected.get("eventId").asText()).isEqualTo(id + "-2");
        assertThat(rejected.get("reason").asText()).contains("amount must be positive");
        assertThat(rejected.get("reasonVi").asText()).contains("phải lớn hơn 0");

        // The answer came after the acks: the records are readable right away.
        List<ConsumerRecord<String, RegistrationEvent>> events = eventsFrom(file);
        assertThat(events).extracting(ConsumerRecord::key).containsExactly("C-" + id, "C-" + id);
        RegistrationEvent first = events.get(0).value();
        assertThat(first.getInvestorName()).isEqualTo("Công ty TNHH \"Hải Âu\", Chi nhánh");
        assertThat(first.getAmount()).isEqualByComparingTo("35000000.5");
        assertThat(first.getSource().getLine()).isEqualTo(2);
        assertThat(first.getSource().getConnector()).isEqualTo("http");
        assertThat(events.get(1).value().getEffectiveDate()).isEqualTo(java.time.LocalDate.of(2024, 1, 1));
        assertThat(events.get(1).value().getAmount()).isNull();
        // The same partition for one certificate: its events stay in order.
        assertThat(events.get(0).partition()).isEqualTo(events.get(1).partition());

        List<ConsumerRecord<String, DeadLetter>> dead = this.<DeadLetter>topic(Topics.REGISTRATIONS_DLQ).stream()
                .filter(r -> file.equals(r.value().getFile())).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(id + "-2");
            assertThat(r.value().getStage()).isEqualTo("ingest");
            assertThat(r.value().getLine()).isEqualTo(3);
            assertThat(r.value().getRawText()).startsWith(id + "-2,C-" + id + ",CAPITAL_INCREASE");
            assertThat(r.value().getReason()).contains("amount must be positive");
            assertThat(r.value().getReasonVi()).contains("phải lớn hơn 0");
        });
    }

    @Test
    void reImportingAFileProducesTheSameKeysAndValues() throws Exception {
        String id = unique("R");
        String file = unique("again") + ".csv";
        String csv = HEADER
                + id + "-1,C1-" + id + ",NEW,FDI,Nipro Corporation,JP,NOMURA_HP,C32,1200000000,JPY,2024-06-03\n"
                + id + "-2,C2-" + id + ",NEW,DDI,Công ty Cổ phần Cảng Hải Phòng,VN,DINH_VU_CAT_HAI,H52,2500000000000,VND,2024-06-04T10:00:00+07:00\n";

        assertThat(json.readTree(postCsv("/api/v1/events?file=" + file, csv).body()).get("accepted").asInt()).isEqualTo(2);
        assertThat(json.readTree(postCsv("/api/v1/events?file=" + file, csv).body()).get("accepted").asInt()).isEqualTo(2);

        List<ConsumerRecord<String, RegistrationEvent>> events = eventsFrom(file);
        assertThat(events).hasSize(4);
        var byEvent = events.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.value().getEventId()));
        for (List<ConsumerRecord<String, RegistrationEvent>> twice : byEvent.values()) {
            assertThat(twice).hasSize(2);
            assertThat(twice.get(1).key()).isEqualTo(twice.get(0).key());
            assertThat(twice.get(1).partition()).isEqualTo(twice.get(0).partition());
            assertThat(sameButProvenance(twice.get(1).value())).isEqualTo(sameButProvenance(twice.get(0).value()));
        }
    }

    static RegistrationEvent sameButProvenance(RegistrationEvent event) {
        RegistrationEvent copy = RegistrationEvent.newBuilder(event).build();
        copy.setIngestedAt(Instant.EPOCH);
        return copy;
    }

    @Test
    void missingOrWrongTokenIs401AndWritesNothing() throws Exception {
        String file = unique("unauthorised") + ".csv";
        String csv = HEADER + unique("U") + ",C1,NEW,FDI,X,KR,DEEP_C,C26,1,USD,2024-03-31\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> none = post("/api/v1/events?file=" + file, "text/csv", bytes, null);
        HttpResponse<String> wrong = post("/api/v1/events?file=" + file, "text/csv", bytes, TOKEN + "x");
        HttpResponse<String> zones = post("/api/v1/reference/zones", "text/csv",
                "code,name_vi,name_en,kind\nEVIL,KCN X,X,KCN\n".getBytes(StandardCharsets.UTF_8), "nope");

        assertThat(List.of(none.statusCode(), wrong.statusCode(), zones.statusCode())).containsOnly(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(none.body()).get("errorVi").asText()).contains("mã truy cập");
        assertThat(eventsFrom(file)).isEmpty();
        assertThat(this.<DeadLetter>topic(Topics.REGISTRATIONS_DLQ)).noneMatch(r -> file.equals(r.value().getFile()));
        assertThat(ingest.reference().hasZone("EVIL")).isFalse();
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        byte[] big = (HEADER + "x".repeat((int) MAX_BODY)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post("/api/v1/events", "text/csv", big, TOKEN);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("error").asText()).contains("larger than " + MAX_BODY);
    }

    @Test
    void unsupportedContentTypeIs415AndAnUnreadableTableIs400() throws Exception {
        HttpResponse<String> plain = post("/api/v1/events", "text/plain", "a".getBytes(), TOKEN);
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(json.readTree(plain.body()).get("error").asText()).contains("unsupported content type 'text/plain'");
        HttpResponse<String> latin = post("/api/v1/events", "text/csv; charset=windows-1258", HEADER.getBytes(), TOKEN);
        assertThat(latin.statusCode()).isEqualTo(415);
        HttpResponse<String> noHeader = post("/api/v1/events", "text/csv", "a,b\n1,2\n".getBytes(), TOKEN);
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noHeader.body()).get("error").asText()).contains("lacks the column(s)");
    }

    @Test
    void aZoneAddedAtRunTimeIsAcceptedRightAfter() throws Exception {
        String zone = "MERGED_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String event = HEADER + unique("Z") + ",CZ-" + zone + ",NEW,FDI,X,KR," + zone + ",C26,1,USD,2024-03-31\n";
        JsonNode before = json.readTree(postCsv("/api/v1/events?dryRun=true", event).body());
        assertThat(before.get("rejected").get(0).get("reason").asText()).contains("unknown zone '" + zone + "'");

        HttpResponse<String> added = postCsv("/api/v1/reference/zones",
                "code,name_vi,name_en,kind\n" + zone + ",KCN Sáp nhập,Merged Industrial Park,KCN\n");
        assertThat(json.readTree(added.body()).get("accepted").asInt()).isEqualTo(1);

        JsonNode after = json.readTree(postCsv("/api/v1/events", event).body());
        assertThat(after.get("accepted").asInt()).isEqualTo(1);
        assertThat(this.<Zone>topic(Topics.ZONES)).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(zone);
            assertThat(r.value().getNameVi()).isEqualTo("KCN Sáp nhập");
        });
    }

    @Test
    void fxRatesAndPlansGoToTheirCompactedTopicsKeyedSoTheLatestWins() throws Exception {
        HttpResponse<String> fx = postCsv("/api/v1/reference/fx-rates",
                "currency,effective_date,vnd_per_unit\nBRL,2024-01-01,4900.25\nVND,2024-01-01,1\n");
        JsonNode fxBody = json.readTree(fx.body());
        assertThat(fxBody.get("accepted").asInt()).isEqualTo(1);
        assertThat(fxBody.get("rejected").get(0).get("reason").asText()).contains("VND needs no rate");
        assertThat(this.<FxRate>topic(Topics.FX_RATES)).anySatisfy(r -> assertThat(r.key()).isEqualTo("BRL:2024-01-01"));
        // The new currency is usable at once.
        String brl = HEADER + unique("B") + ",CB1,NEW,FDI,Vale S.A.,BR,DEEP_C,C24,1000000,BRL,2024-02-01\n";
        assertThat(json.readTree(postCsv("/api/v1/events", brl).body()).get("accepted").asInt()).isEqualTo(1);

        int year = 2090 + (int) (Math.random() * 9);
        postCsv("/api/v1/reference/plans", "capital_source,year,amount,currency,zone_code\nFDI," + year + ",2000000000,USD,\n");
        postCsv("/api/v1/reference/plans", "capital_source,year,amount,currency,zone_code\nFDI," + year + ",2500000000,USD,\n"
                + "FDI," + year + ",600000000,USD,DEEP_C\n");
        List<ConsumerRecord<String, PlanTarget>> plans = this.<PlanTarget>topic(Topics.PLANS).stream()
                .filter(r -> r.key().startsWith("FDI:" + year)).toList();
        assertThat(plans).extracting(ConsumerRecord::key).containsExactly("FDI:" + year, "FDI:" + year, "FDI:" + year + ":DEEP_C");
        assertThat(plans.get(1).value().getAmount()).isEqualByComparingTo("2500000000");
    }

    @Test
    void jsonAndXlsxWithVietnameseHeaders() throws Exception {
        String id = unique("J");
        String body = "[{\"eventId\":\"" + id + "\",\"certificateNo\":\"CJ-" + id + "\",\"eventType\":\"NEW\",\"capitalSource\":\"FDI\","
                + "\"investorName\":\"Goertek Inc.\",\"investorCountry\":\"CN\",\"zoneCode\":\"VSIP_HP\",\"sectorCode\":\"C26\","
                + "\"amount\":250000000.25,\"currency\":\"USD\",\"effectiveAt\":\"2025-05-05\"}]";
        JsonNode fromJson = json.readTree(post("/api/v1/events", "application/json", body.getBytes(StandardCharsets.UTF_8), TOKEN).body());
        assertThat(fromJson.get("accepted").asInt()).isEqualTo(1);

        String xid = unique("X");
        String file = unique("export") + ".xlsx";
        byte[] xlsx = vn.investpulse.ingest.parse.XlsxTableReaderTest.workbook(
                vn.investpulse.ingest.parse.XlsxTableReaderTest.VIETNAMESE_HEADER, List.of(
                        List.of(xid + "-1", "CX-" + xid, "Cấp mới", "Trong nước", "Công ty Cổ phần Tập đoàn Hòa Phát", "VN",
                                "NAM_DINH_VU", "C24", 1_500_000_000_000L, "VND", java.time.LocalDate.of(2025, 8, 1)),
                        List.of(xid + "-2", "CX-" + xid, "Tăng vốn", "Trong nước", "Công ty Cổ phần Tập đoàn Hòa Phát", "VN",
                                "NAM_DINH_VU", "C24", "abc", "VND", java.time.LocalDate.of(2025, 9, 1))));
        HttpResponse<String> response = post("/api/v1/events?file=" + file + "&connector=xlsx-import",
                vn.investpulse.ingest.parse.Format.XLSX.mediaType(), xlsx, TOKEN);
        JsonNode fromXlsx = json.readTree(response.body());
        assertThat(fromXlsx.get("accepted").asInt()).isEqualTo(1);
        assertThat(fromXlsx.get("rejected").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(eventsFrom(file)).singleElement().satisfies(r -> {
            assertThat(r.value().getSource().getConnector()).isEqualTo("xlsx-import");
            assertThat(r.value().getSource().getLine()).isEqualTo(2);
            assertThat(r.value().getInvestorName()).isEqualTo("Công ty Cổ phần Tập đoàn Hòa Phát");
        });
    }

    @Test
    void dryRunValidatesWithoutWriting() throws Exception {
        String file = unique("dry") + ".csv";
        String csv = HEADER + unique("D") + ",CD,NEW,FDI,X,KR,DEEP_C,C26,1,USD,2024-03-31\n"
                + unique("D") + ",CD,NEW,FDI,X,KR,DEEP_C,C99,1,USD,2024-03-31\n";
        JsonNode report = json.readTree(postCsv("/api/v1/events?dryRun=true&file=" + file, csv).body());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rejected")).hasSize(1);
        assertThat(eventsFrom(file)).isEmpty();
        assertThat(this.<DeadLetter>topic(Topics.REGISTRATIONS_DLQ)).noneMatch(r -> file.equals(r.value().getFile()));
    }
}
