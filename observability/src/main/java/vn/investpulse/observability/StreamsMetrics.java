package vn.investpulse.observability;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams metrics ({@code kafka_stream_*}, including the producer and consumer inside) on the global
 * registry. A class of its own so services without Kafka Streams (ingest, sink) never load the Streams classes.
 */
public final class StreamsMetrics {

    private StreamsMetrics() {
    }

    /** Binds the instance's metrics; close the result when the instance closes. */
    public static AutoCloseable bind(KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(Metrics.globalRegistry);
        return metrics;
    }
}
