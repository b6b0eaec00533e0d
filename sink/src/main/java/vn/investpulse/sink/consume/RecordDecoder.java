package vn.investpulse.sink.consume;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.sink.write.Batch;
import vn.investpulse.sink.write.Origin;
import vn.investpulse.sink.write.Refusal;
import vn.investpulse.sink.write.Rows;

/**
 * Turns consumed bytes into store changes: indicators (a tombstone deletes the row), alerts, and dead
 * letters from every DLQ topic. A record that cannot be decoded — or whose key disagrees with its value —
 * becomes a {@link Refusal} with its provenance; it never stops the sink.
 */
public final class RecordDecoder implements AutoCloseable {

    /** How much of an undecodable record is shown (hex) in the dead letter's rawText. */
    private static final int HEX_PREVIEW_BYTES = 512;

    private final Deserializer<IndicatorKey> indicatorKeys;
    private final Deserializer<Indicator> indicators;
    private final Deserializer<Alert> alerts;
    private final Deserializer<DeadLetter> deadLetters;
    private final List<String> deadLetterTopics;

    public RecordDecoder(Topics topics, RegistrySerdes serdes) {
        this.indicatorKeys = serdes.keyDeserializer(topics.indicators());
        this.indicators = serdes.valueDeserializer(topics.indicators());
        this.alerts = serdes.valueDeserializer(topics.alerts());
        this.deadLetters = serdes.valueDeserializer(topics.sinkDlq());
        this.deadLetterTopics = List.of(topics.registrationsDlq().name(), topics.alertsDlq().name(), topics.sinkDlq().name());
    }

    /** The topics the sink reads. */
    public static List<String> topicsToRead(Topics topics) {
        return List.of(topics.indicators().name(), topics.alerts().name(), topics.registrationsDlq().name(),
                topics.alertsDlq().name(), topics.sinkDlq().name());
    }

    /** Adds the record's change, or its refusal, to the batch, and marks it consumed. */
    public void decodeInto(ConsumerRecord<byte[], byte[]> record, Batch batch) {
        Origin origin = new Origin(record.topic(), record.partition(), record.offset(), record.key(), record.value(), null);
        try {
            decode(record, origin, batch);
        } catch (RuntimeException e) {
            batch.refuse(new Refusal(origin, "cannot decode the record: " + message(e),
                    "không giải mã được bản ghi: " + message(e), e, preview(record.value())));
        }
        batch.consumed(record.topic(), record.partition(), record.offset());
    }

    private void decode(ConsumerRecord<byte[], byte[]> record, Origin origin, Batch batch) {
        String topic = record.topic();
        if (topic.equals(Topics.INDICATORS)) {
            IndicatorKey key = record.key() == null ? null : indicatorKeys.deserialize(topic, record.headers(), record.key());
            if (record.value() == null) {
                if (key == null) {
                    batch.refuse(new Refusal(origin, "indicator record without key or value", "bản ghi chỉ tiêu không có khóa và giá trị",
                            null, null));
                } else {
                    batch.add(Rows.indicatorDelete(key, origin));
                }
                return;
            }
            Indicator value = indicators.deserialize(topic, record.headers(), record.value());
            Origin withEvent = origin.withEventId(value.getLastEventId());
            if (key != null && !Rows.sameKey(key, value)) {
                batch.refuse(new Refusal(withEvent, "the key " + key + " does not name the indicator in the value",
                        "khóa không khớp với chỉ tiêu trong giá trị", null, String.valueOf(value)));
                return;
            }
            batch.add(Rows.indicator(value, withEvent));
        } else if (topic.equals(Topics.ALERTS)) {
            if (record.value() == null) {
                batch.refuse(new Refusal(origin, "alert record without value", "bản ghi cảnh báo không có giá trị", null, null));
                return;
            }
            Alert alert = alerts.deserialize(topic, record.headers(), record.value());
            batch.add(Rows.alert(alert, origin.withEventId(alert.getEventId())));
        } else if (deadLetterTopics.contains(topic)) {
            if (record.value() == null) {
                batch.refuse(new Refusal(origin, "dead letter without value", "bản ghi lỗi không có giá trị", null, null));
                return;
            }
            DeadLetter letter = deadLetters.deserialize(topic, record.headers(), record.value());
            batch.add(Rows.rejected(letter, origin.withEventId(letter.getEventId())));
        } else {
            batch.refuse(new Refusal(origin, "the sink does not read topic " + topic, "sink không đọc chủ đề " + topic, null, null));
        }
    }

    private static String message(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        if (e.getCause() != null && e.getCause() != e) {
            sb.append(" (").append(e.getCause().getClass().getSimpleName()).append(": ").append(e.getCause().getMessage()).append(")");
        }
        return sb.toString();
    }

    /** Undecodable bytes shown as hex (and as text when they are printable UTF-8), for the operator. */
    static String preview(byte[] value) {
        if (value == null) {
            return null;
        }
        int n = Math.min(value.length, HEX_PREVIEW_BYTES);
        String hex = HexFormat.of().formatHex(value, 0, n) + (value.length > n ? "…" : "");
        String text = new String(value, 0, n, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(ch -> ch >= 0x20 || ch == '\n' || ch == '\r' || ch == '\t') && !text.contains("\uFFFD");
        return printable ? text : "hex:" + hex;
    }

    @Override
    public void close() {
        indicatorKeys.close();
        indicators.close();
        alerts.close();
        deadLetters.close();
    }
}
