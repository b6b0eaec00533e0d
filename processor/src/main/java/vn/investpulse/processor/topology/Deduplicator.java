package vn.investpulse.processor.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Passes an eventId once, forever: the ids are kept in a persistent, changelogged store (it survives restarts and
 * rebalances), so re-importing last year's file changes nothing. A duplicate is expected, not an error: it is
 * counted in a log line, not sent to the DLQ.
 */
final class Deduplicator implements FixedKeyProcessor<String, RegistrationEvent, RegistrationEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Deduplicator.class);

    private FixedKeyProcessorContext<String, RegistrationEvent> context;
    private KeyValueStore<String, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<String, RegistrationEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(StoreNames.SEEN_EVENT_IDS);
    }

    @Override
    public void process(FixedKeyRecord<String, RegistrationEvent> record) {
        RegistrationEvent e = record.value();
        if (seen.putIfAbsent(e.getEventId(), e.getIngestedAt() == null ? 0L : e.getIngestedAt().toEpochMilli()) != null) {
            LOG.debug("Ignoring duplicate event {} of {}", e.getEventId(), e.getCertificateNo());
            return;
        }
        context.forward(record);
    }
}
