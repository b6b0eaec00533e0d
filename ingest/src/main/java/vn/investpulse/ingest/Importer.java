package vn.investpulse.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.investpulse.contracts.Topics;
import vn.investpulse.ingest.kafka.RecordPublisher;
import vn.investpulse.ingest.parse.Format;
import vn.investpulse.ingest.parse.ParsedTable;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.ReferenceCatalog;
import vn.investpulse.ingest.reference.ReferenceData;
import vn.investpulse.ingest.validate.EventValidator;
import vn.investpulse.ingest.validate.FxRateValidator;
import vn.investpulse.ingest.validate.PlanValidator;
import vn.investpulse.ingest.validate.RowContext;
import vn.investpulse.ingest.validate.RowValidator;
import vn.investpulse.ingest.validate.ZoneValidator;

/**
 * Parses, validates and publishes one upload of any {@link TableKind}: the single path used by the HTTP
 * API, the demo data and the trickle, so every record on the topics went through the same checks.
 */
public final class Importer {

    /** After a zones or FX upload, how long to wait for our own reference consumer to see it. */
    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(15);

    private final Topics topics;
    private final RecordPublisher publisher;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final Map<TableKind, RowValidator<? extends SpecificRecord>> validators;

    public Importer(Topics topics, RecordPublisher publisher, ReferenceData referenceData, Clock clock, Duration maxFuture) {
        this.topics = topics;
        this.publisher = publisher;
        this.referenceData = referenceData;
        this.clock = clock;
        ReferenceCatalog catalog = referenceData.catalog();
        this.validators = Map.of(
                TableKind.EVENTS, new EventValidator(catalog, clock, maxFuture),
                TableKind.ZONES, new ZoneValidator(),
                TableKind.FX_RATES, new FxRateValidator(),
                TableKind.PLANS, new PlanValidator(catalog));
    }

    /**
     * One upload.
     *
     * @param connector provenance connector (http, csv-import, demo ...)
     * @param file      file name for provenance, or null to use a generated request id
     * @param dryRun    validate and report only: nothing is written, not even dead letters
     * @throws vn.investpulse.ingest.parse.TableFormatException when the upload as a whole cannot be read
     * @throws RecordPublisher.PublishException when the broker did not acknowledge the records
     */
    public ImportReport importTable(TableKind kind, Format format, byte[] body, String connector, String file, boolean dryRun) {
        ParsedTable table = format.read(body, kind);
        return importTable(kind, table, connector, file, dryRun);
    }

    public ImportReport importTable(TableKind kind, ParsedTable table, String connector, String file, boolean dryRun) {
        String requestId = UUID.randomUUID().toString();
        RowContext context = new RowContext(connector, file != null ? file : requestId, clock.instant());
        ImportPlan<? extends SpecificRecord> plan = ImportPlan.of(requestId, table, validators.get(kind), context);
        if (!dryRun) {
            List<RecordMetadata> acks = publisher.publish(plan.records(topicOf(kind), topics.registrationsDlq().name()));
            if (kind == TableKind.ZONES || kind == TableKind.FX_RATES) {
                awaitOwnReferenceWrites(acks, topicOf(kind));
            }
            ImportReport report = plan.report(false);
            IngestMetrics.written(kind, report, topics.registrationsDlq().name());
            return report;
        }
        return plan.report(dryRun);
    }

    /** So that an events upload right after a zones upload already knows the new zone. */
    private void awaitOwnReferenceWrites(List<RecordMetadata> acks, String topic) {
        Map<TopicPartition, Long> last = new HashMap<>();
        for (RecordMetadata ack : acks) {
            if (ack.topic().equals(topic)) {
                last.merge(new TopicPartition(ack.topic(), ack.partition()), ack.offset(), Math::max);
            }
        }
        referenceData.awaitConsumed(last, READ_YOUR_WRITES);
    }

    private String topicOf(TableKind kind) {
        return switch (kind) {
            case EVENTS -> topics.registrations().name();
            case ZONES -> topics.zones().name();
            case FX_RATES -> topics.fxRates().name();
            case PLANS -> topics.plans().name();
        };
    }
}
