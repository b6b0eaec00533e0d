package vn.investpulse.processor.query;

import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import vn.investpulse.processor.store.StoreNames;

/**
 * Finds the instance that owns the indicator stores. Every series lives in the single authority task (see
 * {@link vn.investpulse.processor.topology.ProcessorTopology}), so one owner answers every query; with several
 * instances the others forward to it, found through the {@code application.server} metadata.
 */
public final class QueryRouter {

    /** Any key: the authority stores have one partition. */
    private static final String AUTHORITY = "authority";

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self this instance's advertised {@code application.server}, or null when only one instance runs */
    public QueryRouter(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The owner to forward to, or empty when this instance answers itself. */
    public Optional<HostInfo> remoteOwner() {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata m = streams.queryMetadataForKey(StoreNames.FACTS, AUTHORITY, new StringSerializer());
        if (m == null || KeyQueryMetadata.NOT_AVAILABLE.equals(m) || m.activeHost() == null) {
            throw new NotAvailableException("the indicator stores are not assigned yet (rebalancing); retry shortly");
        }
        return m.activeHost().equals(self) ? Optional.empty() : Optional.of(m.activeHost());
    }

    /** The stores are not queryable right now (startup, rebalance, restoration). */
    public static final class NotAvailableException extends RuntimeException {
        public NotAvailableException(String message) {
            super(message);
        }
    }
}
