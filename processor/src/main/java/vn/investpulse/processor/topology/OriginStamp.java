package vn.investpulse.processor.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stamps a registration's original {@code topic/partition/offset} into a header before the repartition, so a dead
 * letter written after it (undecodable bytes, broken rules, no FX rate) still says where the record came from. A
 * header of that name that arrived with the record is replaced: provenance is ours to state, not the producer's.
 */
final class OriginStamp implements FixedKeyProcessor<String, byte[], byte[]> {

    private final InputActivity activity;
    private FixedKeyProcessorContext<String, byte[]> context;

    OriginStamp(InputActivity activity) {
        this.activity = activity;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        activity.read(context.currentSystemTimeMs());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(DeadLetters.ORIGIN_HEADER);
        context.recordMetadata().ifPresent(m ->
                headers.add(DeadLetters.ORIGIN_HEADER, DeadLetters.origin(m).getBytes(StandardCharsets.UTF_8)));
        context.forward(record.withHeaders(headers));
        if (context.currentSystemTimeMs() - record.timestamp() <= IndicatorEmitter.BACKLOG_LAG.toMillis()) {
            // A live registration: the authority task can read it only once this transaction commits. Commits are a
            // second apart (see ProcessorConfig), so a live one asks for its commit now.
            context.commit();
        }
    }
}
