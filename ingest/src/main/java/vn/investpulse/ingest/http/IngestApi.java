package vn.investpulse.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.Importer;
import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.kafka.RecordPublisher;
import vn.investpulse.ingest.parse.Format;
import vn.investpulse.ingest.parse.ParsedTable;
import vn.investpulse.ingest.parse.TableFormatException;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.ReferenceCatalog;

/**
 * The ingest HTTP API.
 *
 * <ul>
 *   <li>{@code POST /api/v1/events} — registration events</li>
 *   <li>{@code POST /api/v1/reference/zones}, {@code /fx-rates}, {@code /plans} — reference data</li>
 *   <li>{@code GET /api/v1/reference/zones}, {@code /fx-rates} — what validation currently knows (no token)</li>
 * </ul>
 * Bodies: {@code text/csv} (UTF-8, header row), {@code application/json} (array of objects, camelCase
 * fields) or XLSX ({@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}, first sheet).
 * Writes need {@code Authorization: Bearer <token>} (401 otherwise, nothing written); a body over the limit
 * is refused with 413, another content type with 415, an unreadable table with 400.
 * Query parameters: {@code dryRun=true} validates and reports without writing anything; {@code file=NAME}
 * names the file in provenance and dead letters (default: the request id); {@code connector=NAME}
 * (default {@code http}; the CLI sends {@code csv-import}, {@code xlsx-import} or {@code json-import});
 * {@code lineOffset=N} adds N to every reported line (the CLI sends batches of a bigger file).
 * The answer ({@link ImportReport}) is sent only once the broker has acknowledged every record.
 */
public final class IngestApi {

    public static final String EVENTS_PATH = "/api/v1/events";
    public static final String REFERENCE_PATH = "/api/v1/reference/";

    private static final Logger LOG = LoggerFactory.getLogger(IngestApi.class);
    private static final Pattern CONNECTOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_FILE_NAME = 200;

    private final Importer importer;
    private final ApiToken token;
    private final long maxBodyBytes;
    private final ReferenceCatalog catalog;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public IngestApi(Importer importer, ApiToken token, long maxBodyBytes, ReferenceCatalog catalog) {
        this.importer = importer;
        this.token = token;
        this.maxBodyBytes = maxBodyBytes;
        this.catalog = catalog;
    }

    public void register(Javalin app) {
        app.post(EVENTS_PATH, ctx -> upload(ctx, TableKind.EVENTS));
        app.post(REFERENCE_PATH + "zones", ctx -> upload(ctx, TableKind.ZONES));
        app.post(REFERENCE_PATH + "fx-rates", ctx -> upload(ctx, TableKind.FX_RATES));
        app.post(REFERENCE_PATH + "plans", ctx -> upload(ctx, TableKind.PLANS));
        app.get(REFERENCE_PATH + "zones", this::listZones);
        app.get(REFERENCE_PATH + "fx-rates", this::listCurrencies);
    }

    private void upload(Context ctx, TableKind kind) throws IOException {
        if (!token.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"invest-pulse\"");
            error(ctx, 401, Reason.of("missing or wrong bearer token (Authorization: Bearer <token>)",
                    "thiếu hoặc sai mã truy cập (Authorization: Bearer <token>)"));
            return;
        }
        Optional<Format> format = Format.fromContentType(ctx.contentType());
        if (format.isEmpty()) {
            error(ctx, 415, Reason.of("unsupported content type '" + ctx.contentType()
                            + "': send text/csv, application/json or " + Format.XLSX.mediaType(),
                    "kiểu nội dung không được hỗ trợ '" + ctx.contentType()
                            + "': hãy gửi text/csv, application/json hoặc " + Format.XLSX.mediaType()));
            return;
        }
        Optional<String> charset = charset(ctx.contentType());
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8") && !charset.get().equalsIgnoreCase("utf8")) {
            error(ctx, 415, Reason.of("unsupported charset '" + charset.get() + "': send UTF-8",
                    "bảng mã không được hỗ trợ '" + charset.get() + "': hãy gửi UTF-8"));
            return;
        }
        byte[] body = readBody(ctx);
        if (body == null) {
            error(ctx, 413, Reason.of("the body is larger than " + maxBodyBytes + " bytes: split the file",
                    "nội dung lớn hơn " + maxBodyBytes + " byte: hãy chia nhỏ tệp"));
            return;
        }
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        String connector = Optional.ofNullable(ctx.queryParam("connector")).filter(c -> CONNECTOR.matcher(c).matches()).orElse("http");
        String file = Optional.ofNullable(ctx.queryParam("file")).map(String::strip).filter(f -> !f.isEmpty())
                .map(f -> f.length() > MAX_FILE_NAME ? f.substring(0, MAX_FILE_NAME) : f).orElse(null);
        long lineOffset = lineOffset(ctx.queryParam("lineOffset"));
        try {
            ParsedTable table = format.get().read(body, kind).shifted(lineOffset);
            ImportReport report = importer.importTable(kind, table, connector, file, dryRun);
            LOG.info("{} upload {} ({}, {} bytes{}): {} accepted, {} duplicates, {} rejected", kind, report.requestId(),
                    file == null ? connector : file, body.length, dryRun ? ", dry run" : "", report.accepted(),
                    report.duplicates(), report.rejected().size());
            respond(ctx, 200, report);
        } catch (TableFormatException e) {
            error(ctx, 400, e.reason());
        } catch (RecordPublisher.PublishException e) {
            LOG.error("{} upload failed: {}", kind, e.getMessage(), e);
            error(ctx, 503, Reason.of(e.getMessage() + "; nothing is confirmed: send the same data again (re-sending is safe)",
                    "Kafka chưa xác nhận dữ liệu; hãy gửi lại (gửi lại không gây trùng lặp)"));
        }
    }

    private static long lineOffset(String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The body, or null when it is over the limit (by Content-Length, or by reading one byte past it). */
    private byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            return null;
        }
        int limit = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return Optional.of(p.substring(8).replace("\"", "").strip());
            }
        }
        return Optional.empty();
    }

    private void listZones(Context ctx) throws JsonProcessingException {
        List<Map<String, Object>> zones = catalog.zoneCodes().stream().map(code -> catalog.zone(code).orElseThrow()).map(z -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", z.getCode());
            m.put("nameVi", z.getNameVi());
            m.put("nameEn", z.getNameEn());
            m.put("kind", z.getKind().name());
            return m;
        }).toList();
        respond(ctx, 200, zones);
    }

    private void listCurrencies(Context ctx) throws JsonProcessingException {
        respond(ctx, 200, Map.of("currencies", catalog.currencies(), "rates", catalog.fxRateCount()));
    }

    private void error(Context ctx, int status, Reason reason) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason.en());
        body.put("errorVi", reason.vi());
        respond(ctx, status, body);
    }

    private void respond(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
    }
}
