package vn.investpulse.ingest;

import java.util.Locale;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.observability.PulseMetrics;

/**
 * Ingest's share of the pipeline meters on {@code /metrics}: registrations accepted, rejected by reason
 * ({@code pulse_ingest_events_total}) and dead letters written ({@code pulse_dlq_records_total}). The reason label
 * is a small fixed set derived from the refusal, never its text (which carries values, e.g. an unknown zone code).
 */
final class IngestMetrics {

    static final String DUPLICATE = "duplicate";
    static final String MISSING_FIELD = "missing_field";
    static final String UNKNOWN_REFERENCE = "unknown_reference";
    static final String SEVERAL_PROBLEMS = "several_problems";
    static final String INVALID_VALUE = "invalid_value";

    private IngestMetrics() {
    }

    /** Counts one written (not dry-run) upload; only registrations count as events, every refusal is a dead letter. */
    static void written(TableKind kind, ImportReport report, String deadLetterTopic) {
        if (kind == TableKind.EVENTS) {
            PulseMetrics.eventsAccepted(report.accepted());
            if (report.duplicates() > 0) {
                PulseMetrics.eventsRejected(DUPLICATE, report.duplicates());
            }
            report.rejected().forEach(r -> PulseMetrics.eventsRejected(reasonLabel(r.reason()), 1));
        }
        report.rejected().forEach(r -> PulseMetrics.deadLettered("ingest", deadLetterTopic));
    }

    /** A bounded label for a refusal's English reason. */
    static String reasonLabel(String reasonEn) {
        String text = reasonEn.toLowerCase(Locale.ROOT);
        if (text.contains("; ")) {
            return SEVERAL_PROBLEMS;
        }
        if (text.startsWith("missing")) {
            return MISSING_FIELD;
        }
        if (text.startsWith("unknown")) {
            return UNKNOWN_REFERENCE;
        }
        if (text.contains("duplicate")) {
            return DUPLICATE;
        }
        return INVALID_VALUE;
    }
}
