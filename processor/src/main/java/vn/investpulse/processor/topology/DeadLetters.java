package vn.investpulse.processor.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Builds the processor's dead letters (stage {@code processor}) with provenance: the original topic, partition
 * and offset — carried in a header across the internal repartition — and the connector, file and line of ingest.
 */
public final class DeadLetters {

    public static final String STAGE = "processor";
    /** Header with the original {@code topic/partition/offset} of a registration, set before the repartition. */
    public static final String ORIGIN_HEADER = "pulse.origin";
    /**
     * A dead letter must fit in one Kafka record (1 MB by default): a 900 KB registration would otherwise give a 2.7 MB
     * dead letter (text, reason and Vietnamese reason each quote it), the producer refuses it and the stream thread
     * dies on the same record again and again. Longer texts and raw bytes are cut, and say so.
     */
    static final int MAX_TEXT_CHARS = 16 * 1024;
    static final int MAX_RAW_BYTES = 512 * 1024;

    private DeadLetters() {
    }

    /** The key of a dead letter on the DLQ: the eventId, or {@code topic:partition:offset}. */
    public static String key(DeadLetter d) {
        return d.getEventId() != null ? d.getEventId()
                : d.getSourceTopic() + ":" + d.getSourcePartition() + ":" + d.getSourceOffset();
    }

    public static String origin(RecordMetadata m) {
        return m.topic() + "/" + m.partition() + "/" + m.offset();
    }

    /** A record that could not even be decoded, read where it was written. */
    public static DeadLetter undecodable(Optional<RecordMetadata> where, byte[] raw, Exception e, Instant now) {
        return undecodable(where.map(DeadLetters::origin).orElse(null), raw, e, now);
    }

    /** A record that could not even be decoded, from {@code origin} ({@code topic/partition/offset}, or null). */
    public static DeadLetter undecodable(String origin, byte[] raw, Exception e, Instant now) {
        DeadLetter.Builder b = base(now).setRawBytes(raw == null ? null : ByteBuffer.wrap(raw, 0, Math.min(raw.length, MAX_RAW_BYTES)))
                .setReason(bounded("cannot decode the record" + (raw != null && raw.length > MAX_RAW_BYTES
                        ? " (" + raw.length + " bytes, the first " + MAX_RAW_BYTES + " kept)" : "") + ": " + e.getMessage()))
                .setReasonVi(bounded("không giải mã được bản ghi: " + e.getMessage()))
                .setErrorClass(e.getClass().getName());
        setOrigin(b, origin);
        return b.build();
    }

    /** A decoded registration the processor cannot place. */
    public static DeadLetter refused(RegistrationEvent e, String origin, String reason, String reasonVi, Instant now) {
        DeadLetter.Builder b = base(now).setEventId(bounded(e.getEventId())).setRawText(bounded(e.toString()))
                .setReason(bounded(reason)).setReasonVi(bounded(reasonVi));
        if (e.getSource() != null) {
            b.setConnector(e.getSource().getConnector()).setFile(e.getSource().getFile()).setLine(e.getSource().getLine());
        }
        setOrigin(b, origin);
        return b.build();
    }

    /** A reference record (FX rate, plan) the processor refuses. */
    public static DeadLetter refusedReference(Optional<RecordMetadata> where, String key, Object value, String reason,
                                              String reasonVi, Instant now) {
        DeadLetter.Builder b = base(now).setRawText(bounded("key=" + key + " value=" + value)).setReason(bounded(reason))
                .setReasonVi(bounded(reasonVi));
        where.ifPresent(m -> b.setSourceTopic(m.topic()).setSourcePartition(m.partition()).setSourceOffset(m.offset()));
        return b.build();
    }

    public static String originOf(Headers headers) {
        Header h = headers.lastHeader(ORIGIN_HEADER);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void setOrigin(DeadLetter.Builder b, String origin) {
        if (origin == null) {
            return;
        }
        String[] parts = origin.split("/");
        if (parts.length == 3) {
            b.setSourceTopic(parts[0]).setSourcePartition(Integer.parseInt(parts[1])).setSourceOffset(Long.parseLong(parts[2]));
        }
    }

    /** {@code s}, or its first {@link #MAX_TEXT_CHARS} characters and how long it was. */
    static String bounded(String s) {
        if (s == null || s.length() <= MAX_TEXT_CHARS) {
            return s;
        }
        return s.substring(0, MAX_TEXT_CHARS) + "… (cut: " + s.length() + " characters in all)";
    }

    private static DeadLetter.Builder base(Instant now) {
        return DeadLetter.newBuilder().setStage(STAGE).setTimestamp(now);
    }
}
