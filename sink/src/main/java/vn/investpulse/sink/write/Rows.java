package vn.investpulse.sink.write;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;

/**
 * Maps the Avro records to rows of {@link SinkTables}, value for value in column order. Instants are
 * bound as {@link OffsetDateTime} at UTC (timestamptz: no JVM default zone involved), dates as
 * {@link java.time.LocalDate}, decimals as the exact {@link java.math.BigDecimal} the record carries.
 */
public final class Rows {

    /** Column limits of rejected_row (V1__store.sql): longer text is cut, with a marker, rather than refused. */
    static final int RAW_TEXT_MAX = 100_000;
    static final int RAW_BYTES_MAX = 150_000;
    static final int REASON_MAX = 4_000;
    static final int SHORT_MAX = 200;
    static final int FILE_MAX = 1_000;

    private Rows() {
    }

    public static Op.Upsert indicator(Indicator v, Origin origin) {
        List<Object> values = new ArrayList<>(SinkTables.INDICATOR.all().size());
        values.add(v.getSource().name());
        values.add(v.getDimension().name());
        values.add(v.getDimensionValue());
        values.add(v.getPeriodKind().name());
        values.add(v.getPeriodId());
        values.add(v.getPeriodStart());
        values.add(v.getPeriodEnd());
        values.add(v.getNewProjects());
        values.add(v.getCapitalIncreases());
        values.add(v.getCapitalDecreases());
        values.add(v.getSharePurchases());
        values.add(v.getTerminations());
        values.add(v.getNewCapitalUsd());
        values.add(v.getNewCapitalVnd());
        values.add(v.getAdjustedCapitalUsd());
        values.add(v.getAdjustedCapitalVnd());
        values.add(v.getSharePurchaseCapitalUsd());
        values.add(v.getSharePurchaseCapitalVnd());
        values.add(v.getTotalCapitalUsd());
        values.add(v.getTotalCapitalVnd());
        values.add(v.getPlanAmount());
        values.add(v.getPlanCurrency());
        values.add(v.getPlanProgressPct());
        values.add(v.getYoyGrowthPct());
        values.add(v.getCumulativeProjects());
        values.add(v.getCumulativeCapitalUsd());
        values.add(v.getCumulativeCapitalVnd());
        values.add(utc(v.getAsOf()));
        values.add(utc(v.getLastIngestedAt()));
        values.add(v.getLastEventId());
        values.add(v.getLastCertificateNo());
        return new Op.Upsert(SinkTables.INDICATOR, values, origin);
    }

    /** The key of an indicator row, for a tombstone. */
    public static Op.Delete indicatorDelete(IndicatorKey k, Origin origin) {
        return new Op.Delete(SinkTables.INDICATOR, List.of(k.getSource().name(), k.getDimension().name(), k.getDimensionValue(),
                k.getPeriodKind().name(), k.getPeriodId()), origin);
    }

    /** True when the key names the same row as the value's own key fields. */
    public static boolean sameKey(IndicatorKey k, Indicator v) {
        return k.getSource() == v.getSource() && k.getDimension() == v.getDimension()
                && k.getDimensionValue().equals(v.getDimensionValue()) && k.getPeriodKind() == v.getPeriodKind()
                && k.getPeriodId().equals(v.getPeriodId());
    }

    public static Op.Upsert alert(Alert a, Origin origin) {
        List<Object> values = new ArrayList<>(SinkTables.ALERT.all().size());
        values.add(a.getId());
        values.add(utc(a.getProcessedAt()));
        values.add(a.getState().name());
        values.add(a.getKind().name());
        values.add(a.getSource().name());
        values.add(a.getScope());
        values.add(a.getYear());
        values.add(a.getThresholdPct());
        values.add(a.getProgressPct());
        values.add(a.getPlanAmount());
        values.add(a.getPlanCurrency());
        values.add(a.getEventId());
        values.add(a.getCertificateNo());
        values.add(utc(a.getEventTime()));
        values.add(a.getMessageVi());
        values.add(a.getMessageEn());
        return new Op.Upsert(SinkTables.ALERT, values, origin);
    }

    /** A dead letter from a DLQ topic, identified as described in V1__store.sql. */
    public static Op.Upsert rejected(DeadLetter d, Origin origin) {
        String id = d.getSourceTopic() != null && d.getSourcePartition() != null && d.getSourceOffset() != null
                ? d.getStage() + "|" + d.getSourceTopic() + "|" + d.getSourcePartition() + "|" + d.getSourceOffset()
                : ownId(origin);
        return rejectedRow(id, origin, d.getStage(), d.getConnector(), d.getFile(), d.getLine(), d.getSourceTopic(),
                d.getSourcePartition(), d.getSourceOffset(), d.getEventId(), d.getRawText(), bytes(d.getRawBytes()),
                d.getReason(), d.getReasonVi(), d.getErrorClass(), d.getTimestamp());
    }

    /**
     * A record on a dead-letter topic that cannot itself be read: stored directly (sending it to the sink's
     * dead-letter topic, which the sink reads, would loop).
     */
    public static Op.Upsert unreadableDeadLetter(Refusal refusal, Instant at) {
        Origin o = refusal.origin();
        return rejectedRow(ownId(o), o, "sink", "kafka", null, null, o.topic(), o.partition(), o.offset(), null,
                refusal.rawText(), o.value(), refusal.reason(), refusal.reasonVi(), refusal.errorClass(), at);
    }

    private static String ownId(Origin origin) {
        return origin.topic() + "|" + origin.partition() + "|" + origin.offset();
    }

    private static Op.Upsert rejectedRow(String id, Origin origin, String stage, String connector, String file, Long line,
                                         String sourceTopic, Integer sourcePartition, Long sourceOffset, String eventId,
                                         String rawText, byte[] rawBytes, String reason, String reasonVi, String errorClass,
                                         Instant at) {
        List<Object> values = new ArrayList<>(SinkTables.REJECTED_ROW.all().size());
        values.add(id);
        values.add(origin.topic());
        values.add(origin.partition());
        values.add(origin.offset());
        values.add(cut(stage == null ? "unknown" : stage, 32));
        values.add(cut(connector, 100));
        values.add(cut(file, FILE_MAX));
        values.add(line);
        values.add(sourceTopic);
        values.add(sourcePartition);
        values.add(sourceOffset);
        values.add(cut(eventId, SHORT_MAX));
        values.add(cut(rawText, RAW_TEXT_MAX));
        values.add(rawBytes == null ? null : cut(Base64.getEncoder().encodeToString(rawBytes), RAW_BYTES_MAX));
        values.add(cut(reason == null ? "(no reason given)" : reason, REASON_MAX));
        values.add(cut(reasonVi, REASON_MAX));
        values.add(cut(errorClass, 500));
        values.add(utc(at == null ? Instant.EPOCH : at));
        return new Op.Upsert(SinkTables.REJECTED_ROW, values, origin);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String marker = "…[cut]";
        return text.substring(0, max - marker.length()) + marker;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
