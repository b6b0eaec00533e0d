package vn.investpulse.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.http.ApiToken;
import vn.investpulse.ingest.parse.CsvTableReader;
import vn.investpulse.ingest.parse.Format;
import vn.investpulse.ingest.parse.TableFormatException;
import vn.investpulse.ingest.parse.TableKind;

/**
 * {@code import events|zones|fx-rates|plans FILE} — sends a CSV, JSON or XLSX file to a running pipeline's
 * ingest API in batches, shows progress, and prints a summary. Exit code 0 when every row was accepted
 * (duplicates included), 1 when rows were rejected, 2 for a usage or file problem, 3 when the server
 * refused the request or could not be reached.
 *
 * <p>CSV files are split into batches of whole records sent with the header and a line offset; JSON
 * arrays into batches of objects carrying their {@code line}; an XLSX workbook is sent whole (a zip cannot
 * be split). Across batches the CLI remembers the event ids accepted so far: a later row with the same
 * event id is reported as a duplicate and not sent. {@code --dry-run} uses the API's {@code dryRun=true}:
 * the server validates against its live reference data and writes nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a file of registration events or reference data into a running pipeline.")
public final class ImportCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int ROWS_REJECTED = 1;
    static final int USAGE = 2;
    static final int SERVER = 3;
    private static final int MAX_LISTED = 200;

    @Parameters(index = "0", paramLabel = "WHAT", description = "events, zones, fx-rates or plans")
    String what;

    @Parameters(index = "1", paramLabel = "FILE", description = "a .csv, .json or .xlsx file")
    Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the ingest API (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--token", description = "API token (default: $PULSE_API_TOKEN, else ./data/api-token)")
    String token;

    @Option(names = "--batch-size", defaultValue = "5000", description = "rows per request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--dry-run", description = "validate on the server without writing anything")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    /** For tests: where the summary and progress go. */
    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Null: decide by whether a console is attached. */
    Boolean terminal;

    @Override
    public Integer call() {
        TableKind kind = kind(what);
        if (kind == null) {
            err.println("WHAT must be events, zones, fx-rates or plans, not '" + what + "'");
            return USAGE;
        }
        Format format = Format.fromFileName(file.getFileName().toString()).orElse(null);
        if (format == null) {
            err.println("FILE must end in .csv, .json or .xlsx: " + file);
            return USAGE;
        }
        if (batchSize < 1) {
            err.println("--batch-size must be at least 1");
            return USAGE;
        }
        String apiToken = token != null ? token : defaultToken();
        if (apiToken == null) {
            err.println("No API token: pass --token, set PULSE_API_TOKEN, or run from the directory holding data/api-token");
            return USAGE;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            Summary summary = new Summary(kind, file.getFileName().toString(), dryRun);
            ApiClient client = new ApiClient(url, apiToken);
            switch (format) {
                case CSV -> sendCsv(client, kind, content, summary);
                case JSON -> sendJson(client, kind, content, summary);
                case XLSX -> sendWhole(client, kind, content, summary);
            }
            summary.print(out);
            return summary.rejected.isEmpty() ? OK : ROWS_REJECTED;
        } catch (TableFormatException e) {
            err.println(file + ": " + e.reason().en() + " / " + e.reason().vi());
            return USAGE;
        } catch (java.net.ConnectException e) {
            err.println("Cannot reach the ingest API at " + url + " (is the pipeline running? see --url)");
            return SERVER;
        } catch (IOException e) {
            err.println("Cannot import " + file + ": " + e);
            return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpTimeoutException ? SERVER : USAGE;
        } catch (ApiClient.ApiException e) {
            err.println("The server refused the import: " + e.getMessage());
            return SERVER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SERVER;
        }
    }

    static TableKind kind(String what) {
        return switch (what.toLowerCase(Locale.ROOT)) {
            case "events" -> TableKind.EVENTS;
            case "zones" -> TableKind.ZONES;
            case "fx-rates", "fx" -> TableKind.FX_RATES;
            case "plans" -> TableKind.PLANS;
            default -> null;
        };
    }

    static String path(TableKind kind) {
        return switch (kind) {
            case EVENTS -> "/api/v1/events";
            case ZONES -> "/api/v1/reference/zones";
            case FX_RATES -> "/api/v1/reference/fx-rates";
            case PLANS -> "/api/v1/reference/plans";
        };
    }

    private static String defaultToken() {
        String env = System.getenv("PULSE_API_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        String dataDir = System.getenv().getOrDefault("PULSE_DATA_DIR", "./data");
        Path stored = Path.of(dataDir).resolve(ApiToken.FILE_NAME);
        try {
            return Files.exists(stored) ? Files.readString(stored, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean isTerminal() {
        return terminal != null ? terminal : System.console() != null;
    }

    private void sendCsv(ApiClient client, TableKind kind, byte[] content, Summary summary)
            throws IOException, InterruptedException {
        CsvBatches csv = CsvBatches.of(CsvTableReader.decodeUtf8(content), kind);
        List<CsvBatches.Record> records = csv.records();
        Map<String, Long> acceptedIds = new HashMap<>();
        long rows = records.stream().filter(r -> !csv.blank(r)).count();
        try (Progress progress = Progress.create("import " + summary.what, rows, out, isTerminal())) {
            for (int from = 0; from < Math.max(records.size(), 1); from += batchSize) {
                List<CsvBatches.Record> batch = records.subList(from, Math.min(records.size(), from + batchSize));
                Set<CsvBatches.Record> leftOut = new HashSet<>();
                Map<Long, String> idByLine = new HashMap<>();
                for (CsvBatches.Record r : batch) {
                    String id = csv.id(r);
                    if (id == null) {
                        continue;
                    }
                    Long first = acceptedIds.get(id);
                    if (first != null) {
                        leftOut.add(r);
                        summary.duplicateRows.add(new ImportReport.Duplicate(r.line(), id, first));
                    } else {
                        idByLine.put(r.line(), id);
                    }
                }
                ImportReport report = client.post(path(kind), Format.CSV, csv.body(batch, leftOut).getBytes(StandardCharsets.UTF_8),
                        summary.file, "csv-import", CsvBatches.lineOffset(batch), dryRun);
                summary.add(report);
                rememberAccepted(idByLine, report, acceptedIds);
                progress.advance(batch.stream().filter(r -> !csv.blank(r)).count());
                if (records.isEmpty()) {
                    break;
                }
            }
        }
    }

    /** Ids of this batch that the server neither rejected nor called duplicates: accepted. */
    private static void rememberAccepted(Map<Long, String> idByLine, ImportReport report, Map<String, Long> acceptedIds) {
        Set<Long> notAccepted = new HashSet<>();
        report.rejected().forEach(r -> notAccepted.add(r.line()));
        report.duplicateRows().forEach(d -> notAccepted.add(d.line()));
        idByLine.forEach((line, id) -> {
            if (!notAccepted.contains(line)) {
                acceptedIds.putIfAbsent(id, line);
            }
        });
    }

    private void sendJson(ApiClient client, TableKind kind, byte[] content, Summary summary)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (IOException e) {
            throw new TableFormatException(vn.investpulse.ingest.Reason.of("not valid JSON: " + e.getMessage(),
                    "không phải JSON hợp lệ"), e);
        }
        if (root == null || !root.isArray()) {
            sendWhole(client, kind, content, summary);      // let the server explain what is wrong
            return;
        }
        Map<String, Long> acceptedIds = new HashMap<>();
        try (Progress progress = Progress.create("import " + summary.what, root.size(), out, isTerminal())) {
            for (int from = 0; from < root.size(); from += batchSize) {
                ArrayNode batch = json.createArrayNode();
                Map<Long, String> idByLine = new HashMap<>();
                int to = Math.min(root.size(), from + batchSize);
                for (int i = from; i < to; i++) {
                    JsonNode element = root.get(i);
                    long line = i + 1;
                    if (element instanceof ObjectNode object) {
                        ObjectNode copy = object.deepCopy();
                        copy.put("line", line);
                        String id = kind == TableKind.EVENTS && object.hasNonNull("eventId") ? object.get("eventId").asText() : null;
                        if (id != null && acceptedIds.containsKey(id)) {
                            summary.duplicateRows.add(new ImportReport.Duplicate(line, id, acceptedIds.get(id)));
                            continue;
                        }
                        if (id != null) {
                            idByLine.put(line, id);
                        }
                        batch.add(copy);
                    } else {
                        batch.add(element);
                    }
                }
                if (!batch.isEmpty()) {
                    ImportReport report = client.post(path(kind), Format.JSON, json.writeValueAsBytes(batch), summary.file,
                            "json-import", 0, dryRun);     // the objects carry their own line
                    summary.add(report);
                    rememberAccepted(idByLine, report, acceptedIds);
                }
                progress.advance(to - from);
            }
        }
    }

    private void sendWhole(ApiClient client, TableKind kind, byte[] content, Summary summary)
            throws IOException, InterruptedException {
        Format format = Format.fromFileName(summary.file).orElse(Format.CSV);
        long rows = countRows(format, kind, content);
        try (Progress progress = Progress.create("import " + summary.what, rows, out, isTerminal())) {
            ImportReport report = client.post(path(kind), format, content, summary.file,
                    format.name().toLowerCase(Locale.ROOT) + "-import", 0, dryRun);
            summary.add(report);
            progress.advance(rows);
        }
    }

    /** Rows of a file sent whole, for the progress total; an unreadable file is left to the server to explain. */
    private static long countRows(Format format, TableKind kind, byte[] content) {
        try {
            return Math.max(1, format.read(content, kind).rows().size());
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /** Totals over every batch, and the rows to list. */
    static final class Summary {
        final String what;
        final String file;
        final boolean dryRun;
        final long started = System.nanoTime();
        long rows;
        long accepted;
        final List<ImportReport.Rejected> rejected = new ArrayList<>();
        final List<ImportReport.Duplicate> duplicateRows = new ArrayList<>();
        final Set<String> ignoredColumns = new java.util.TreeSet<>();

        Summary(TableKind kind, String file, boolean dryRun) {
            this.what = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            this.file = file;
            this.dryRun = dryRun;
        }

        void add(ImportReport report) {
            rows += report.rows();
            accepted += report.accepted();
            rejected.addAll(report.rejected());
            duplicateRows.addAll(report.duplicateRows());
            ignoredColumns.addAll(report.ignoredColumns());
        }

        void print(PrintStream out) {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            long total = accepted + duplicateRows.size() + rejected.size();
            out.printf(Locale.ROOT, "%s %s from %s: %,d accepted, %,d duplicates, %,d rejected (%,d rows in %.1f s, %,.0f rows/s)%n",
                    dryRun ? "Checked (dry run, nothing written)" : "Imported", what, file, accepted, duplicateRows.size(),
                    rejected.size(), total, seconds, total / seconds);
            if (!ignoredColumns.isEmpty()) {
                out.println("Ignored columns: " + String.join(", ", ignoredColumns));
            }
            if (!rejected.isEmpty()) {
                out.println("Rejected rows:");
                rejected.stream().sorted(java.util.Comparator.comparingLong(ImportReport.Rejected::line)).limit(MAX_LISTED)
                        .forEach(r -> out.printf("  line %d%s: %s%n      %s%n", r.line(),
                                r.eventId() == null ? "" : " [" + r.eventId() + "]", r.reason(), r.reasonVi()));
                if (rejected.size() > MAX_LISTED) {
                    out.printf("  ... and %,d more (all are on the dead-letter topic pulse.registrations.dlq.v1)%n",
                            rejected.size() - MAX_LISTED);
                }
            }
            if (!duplicateRows.isEmpty()) {
                out.println("Duplicates (sent once):");
                duplicateRows.stream().sorted(java.util.Comparator.comparingLong(ImportReport.Duplicate::line)).limit(MAX_LISTED)
                        .forEach(d -> out.printf("  line %d [%s]: same id as line %d%n", d.line(), d.eventId(), d.firstLine()));
            }
        }
    }
}
