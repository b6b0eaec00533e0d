package vn.investpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.FreePorts;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.ingest.IngestService;

/**
 * Fuzzes the HTTP ingest API (a real {@link IngestService} on a real broker and registry) with malformed uploads:
 * CSV bodies of random rows under a valid or a scrambled header, arbitrary bytes under every content type, and
 * JSON of the wrong shape. Whatever arrives, the answer is never a 5xx; a 200 accounts for every row (accepted,
 * duplicate, or rejected with a line and a reason in English and Vietnamese); a 4xx says why. (The ingest module's
 * {@code CsvFuzzTest} fuzzes the parser and validator in memory; this fuzzes the whole HTTP path.)
 */
class IngestHttpFuzzIT {

    private static final String HEADER = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at";
    private static final String TOKEN = "fuzz-token-0123456789";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Path dir;
    private static EmbeddedPlatform platform;
    private static IngestService ingest;
    private static Javalin app;
    private static String eventsUrl;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("faults-ingest-fuzz-");
        platform = new EmbeddedPlatform(dir.resolve("platform"), 0, 0, 3);
        platform.start();
        IngestConfig config = IngestConfig.from(new ConfigSource(Map.of("PULSE_DATA_DIR", dir.resolve("data").toString(),
                "PULSE_API_TOKEN", TOKEN))).withPlatform(platform.bootstrapServers(), platform.registryApiUrl());
        ingest = new IngestService(config, platform.topics(), platform.serdes());
        app = Javalin.create(c -> c.showJavalinBanner = false);
        ingest.register(app);
        ingest.start();
        int port = FreePorts.pick();
        app.start("127.0.0.1", port);
        eventsUrl = "http://127.0.0.1:" + port + "/api/v1/events";
        await("ingest ready").atMost(Duration.ofMinutes(3)).until(() -> ingest.ready().getAsBoolean());
    }

    @AfterContainer
    static void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (platform != null) {
            platform.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 150)
    void csvUploadsAreAnsweredRowByRow(@ForAll("csvBodies") String body) throws Exception {
        HttpResponse<String> r = post("text/csv; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        assertAnswered(r);
    }

    @Property(tries = 100)
    void arbitraryBytesUnderAnyContentTypeNeverFailTheServer(@ForAll("contentTypes") String contentType,
                                                             @ForAll("bytes") byte[] body) throws Exception {
        assertAnswered(post(contentType, body));
    }

    @Property(tries = 100)
    void jsonOfTheWrongShapeIsRefusedWithAReason(@ForAll("jsonBodies") String body) throws Exception {
        assertAnswered(post("application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(eventsUrl)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** No 5xx; a 200 accounts for every row; a 4xx carries a reason in both languages. */
    private static void assertAnswered(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 499);
        JsonNode answer = JSON.readTree(r.body());
        if (r.statusCode() == 200) {
            int rejected = answer.path("rejected").size();
            assertThat(answer.path("accepted").asInt() + answer.path("duplicates").asInt() + rejected).as(r.body())
                    .isEqualTo(answer.path("rows").asInt());
            for (JsonNode row : answer.path("rejected")) {
                assertThat(row.path("reason").asText()).as(row.toString()).isNotBlank();
                assertThat(row.path("reasonVi").asText()).as(row.toString()).isNotBlank();
                assertThat(row.path("line").asLong()).as(row.toString()).isGreaterThanOrEqualTo(1);
            }
        } else {
            assertThat(answer.path("error").asText()).as(r.body()).isNotBlank();
            assertThat(answer.path("errorVi").asText()).as(r.body()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> csvBodies() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ0123456789.,;-:\"'\n\r\t \u0000ĐđảÁ+TZ\uFEFF").ofMaxLength(16),
                Arbitraries.of("NEW", "TERMINATION", "CAPITAL_INCREASE", "SHARE_PURCHASE", "FDI", "DDI", "KR", "VN", "DEEP_C",
                        "NOT_A_ZONE", "C26", "Z99", "USD", "VND", "XYZ", "1e400", "-1", "0", "NaN", "1.1234567",
                        "99999999999999999999999999999999999999", "2024-03-31", "2023-02-30", "2023-12-31T17:10:00Z",
                        "1899-01-01", "2999-01-01", "=cmd|' /C calc'!A0", ""));
        Arbitrary<String> cell = Combinators.combine(field, Arbitraries.of(true, false))
                .as((f, quote) -> quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(14).map(cells -> String.join(",", cells));
        Arbitrary<String> validRow = Arbitraries.integers().between(1, 9_999_999).map(i ->
                "FZ-" + i + ",FZ-GCN-" + i + ",NEW,FDI,\"Fuzz, Co.\",KR,DEEP_C,C26,1000,USD,2024-03-31");
        Arbitrary<String> header = Arbitraries.oneOf(Arbitraries.just(HEADER),
                Arbitraries.of(HEADER.split(",")).list().ofMinSize(1).ofMaxSize(12).map(h -> String.join(",", h)),
                Arbitraries.strings().ofMaxLength(40));
        return Combinators.combine(header, Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, row), net.jqwik.api.Tuple.of(1, validRow)).list().ofMaxSize(20),
                Arbitraries.of("\n", "\r\n"))
                .as((h, rows, eol) -> h + eol + String.join(eol, rows));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/csv", "application/json", XLSX, "text/csv; charset=latin1", "application/octet-stream",
                "text/plain", "multipart/form-data; boundary=x", "");
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map(s -> JSON.valueToTree(s).toString()),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("null", "true", "1e999", "-0", "{}", "[]"));
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.of("event_id", "eventId", "amount", "currency", "effective_at", "zone_code", "x").list().ofMaxSize(6),
                        scalar.list().ofSize(6))
                .as((keys, values) -> {
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        sb.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":").append(values.get(i));
                    }
                    return sb.append('}').toString();
                });
        return Arbitraries.oneOf(scalar, object, object.list().ofMaxSize(8).map(l -> "[" + String.join(",", l) + "]"),
                object.list().ofMaxSize(8).map(l -> "[" + String.join(",", l)));
    }

}
