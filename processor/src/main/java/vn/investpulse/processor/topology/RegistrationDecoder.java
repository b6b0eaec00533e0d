package vn.investpulse.processor.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Decodes and validates a registration. Bytes that do not decode (an unknown event type, a foreign schema) and
 * events that break {@link RegistrationRules} become dead letters instead of stopping the application. A valid
 * event gets a header with its original topic/partition/offset, so later steps can still say where it came from.
 */
final class RegistrationDecoder implements FixedKeyProcessor<String, byte[], Checked<RegistrationEvent>> {

    private final String topic;
    private final Deserializer<RegistrationEvent> deserializer;
    private FixedKeyProcessorContext<String, Checked<RegistrationEvent>> context;

    /** @param topic the registrations topic the bytes were written to (the registry serdes are told that topic) */
    RegistrationDecoder(String topic, Deserializer<RegistrationEvent> deserializer) {
        this.topic = topic;
        this.deserializer = deserializer;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Checked<RegistrationEvent>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RegistrationEvent event;
        try {
            event = deserializer.deserialize(topic, record.headers(), record.value());
            if (event == null) {
                throw new IllegalArgumentException("a registration cannot be empty (tombstone)");
            }
        } catch (RuntimeException e) {
            context.forward(record.withValue(Checked.refused(DeadLetters.undecodable(origin(record), record.value(), e, now()))));
            return;
        }
        List<String> problems = RegistrationRules.problems(event);
        if (!problems.isEmpty()) {
            String reason = String.join("; ", problems);
            context.forward(record.withValue(Checked.refused(DeadLetters.refused(event, origin(record), reason,
                    "bản ghi không hợp lệ: " + reason, now()))));
            return;
        }
        if (record.headers().lastHeader(DeadLetters.ORIGIN_HEADER) != null) {
            context.forward(record.withValue(Checked.ok(event))); // stamped before the repartition: every record of a replay
            return;
        }
        String origin = origin(record);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        if (origin != null) {
            headers.add(DeadLetters.ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        }
        context.forward(record.withValue(Checked.ok(event)).withHeaders(headers));
    }

    /** Stamped before the repartition; a record without the stamp is where it was written. */
    private String origin(FixedKeyRecord<String, byte[]> record) {
        String stamped = DeadLetters.originOf(record.headers());
        return stamped != null ? stamped : context.recordMetadata().map(DeadLetters::origin).orElse(null);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
