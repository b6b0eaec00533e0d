package vn.investpulse.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.investpulse.ingest.parse.ParsedTable;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.validate.RowContext;
import vn.investpulse.ingest.validate.RowResult;
import vn.investpulse.ingest.validate.RowValidator;
import vn.investpulse.schemas.DeadLetter;

/**
 * The pure part of an import: every row validated, duplicates within the upload found, and the records to
 * publish laid out (accepted rows to their topic in file order, rejected rows to the dead-letter topic).
 * Nothing here touches Kafka, so it is tested without a broker and reused by dry runs.
 */
public final class ImportPlan<T extends SpecificRecord> {

    private final String requestId;
    private final String kindName;
    private final List<RowResult<T>> accepted = new ArrayList<>();
    private final List<RowResult<T>> rejected = new ArrayList<>();
    private final List<ImportReport.Duplicate> duplicates = new ArrayList<>();
    private final List<String> ignoredColumns;
    private final RowContext context;
    private final int rows;

    private ImportPlan(String requestId, String kindName, RowContext context, List<String> ignoredColumns, int rows) {
        this.requestId = requestId;
        this.kindName = kindName;
        this.context = context;
        this.ignoredColumns = ignoredColumns;
        this.rows = rows;
    }

    /**
     * Validates every row of a parsed upload. The first accepted row of an id wins; later accepted rows with
     * the same id are duplicates (reported, not sent). A rejected row never hides a later valid one.
     */
    public static <T extends SpecificRecord> ImportPlan<T> of(String requestId, ParsedTable table,
                                                              RowValidator<T> validator, RowContext context) {
        ImportPlan<T> plan = new ImportPlan<>(requestId, validator.kind().name(), context, table.ignoredColumns(),
                table.rows().size());
        Map<String, Long> firstLineById = new HashMap<>();
        for (RawRow row : table.rows()) {
            RowResult<T> result = validateSafely(validator, row, context);
            if (!result.isAccepted()) {
                plan.rejected.add(result);
                continue;
            }
            Long first = firstLineById.putIfAbsent(result.id(), result.line());
            if (first != null) {
                plan.duplicates.add(new ImportReport.Duplicate(result.line(), result.id(), first));
            } else {
                plan.accepted.add(result);
            }
        }
        return plan;
    }

    /** A validator bug must cost one row, not the upload: the row is rejected with the error. */
    private static <T> RowResult<T> validateSafely(RowValidator<T> validator, RawRow row, RowContext context) {
        try {
            return validator.validate(row, context);
        } catch (RuntimeException e) {
            return RowResult.rejected(row, row.value("event_id"), Reason.of(
                    "internal error while validating this row: " + e,
                    "lỗi nội bộ khi kiểm tra dòng này: " + e));
        }
    }

    public List<RowResult<T>> accepted() {
        return accepted;
    }

    public List<RowResult<T>> rejected() {
        return rejected;
    }

    /** Accepted rows to their topic, in file order; then a dead letter per rejected row. */
    public List<ProducerRecord<String, SpecificRecord>> records(String topic, String deadLetterTopic) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>(accepted.size() + rejected.size());
        for (RowResult<T> row : accepted) {
            records.add(new ProducerRecord<>(topic, row.key(), row.value()));
        }
        for (RowResult<T> row : rejected) {
            records.add(new ProducerRecord<>(deadLetterTopic, deadLetterKey(row), deadLetter(row)));
        }
        return records;
    }

    /** DLQ key: the event id (or reference key) when the row has one, else file:line. */
    String deadLetterKey(RowResult<T> row) {
        return row.id() != null ? row.id() : context.file() + ":" + row.line();
    }

    DeadLetter deadLetter(RowResult<T> row) {
        return DeadLetter.newBuilder()
                .setStage("ingest")
                .setConnector(context.connector())
                .setFile(context.file())
                .setLine(row.line())
                .setEventId(row.id())
                .setRawText(row.rawText())
                .setReason(row.reason().en())
                .setReasonVi(row.reason().vi())
                .setTimestamp(context.ingestedAt() == null ? Instant.now() : context.ingestedAt())
                .build();
    }

    public ImportReport report(boolean dryRun) {
        List<ImportReport.Rejected> refused = rejected.stream()
                .map(r -> new ImportReport.Rejected(r.line(), r.id(), r.reason().en(), r.reason().vi()))
                .toList();
        return new ImportReport(requestId, kindName, dryRun, rows, accepted.size(), duplicates.size(), refused,
                List.copyOf(duplicates), ignoredColumns);
    }
}
