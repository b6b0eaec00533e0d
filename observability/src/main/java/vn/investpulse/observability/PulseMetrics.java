package vn.investpulse.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The pipeline's own meters, named once here (Prometheus names in brackets). They are recorded on Micrometer's
 * global registry, so a service needs no registry in its constructor: whatever {@link Observability} the process
 * runs serves them.
 * <ul>
 *   <li>{@value #INGEST_EVENTS} ({@code pulse_ingest_events_total{outcome="accepted|rejected",reason}}) —
 *       registrations accepted by ingest, or rejected with the reason;</li>
 *   <li>{@value #DLQ_RECORDS} ({@code pulse_dlq_records_total{service,topic}}) — records written to a dead-letter topic;</li>
 *   <li>{@value #END_TO_END_LAG} ({@code pulse_processor_end_to_end_lag_seconds}) — from the ingest time of the newest
 *       registration in an indicator (Indicator.lastIngestedAt) to the indicator's emission;</li>
 *   <li>{@value #INDICATORS_EMITTED} ({@code pulse_processor_indicators_emitted_total});</li>
 *   <li>{@value #ALERTS_FIRED} ({@code pulse_alerts_fired_total{kind}});</li>
 *   <li>{@value #SINK_ROWS} ({@code pulse_sink_rows_written_total}) and {@value #SINK_COMMIT}
 *       ({@code pulse_sink_commit_seconds}) — rows written by the sink and the latency of its database commit.</li>
 * </ul>
 */
public final class PulseMetrics {

    public static final String INGEST_EVENTS = "pulse.ingest.events";
    public static final String DLQ_RECORDS = "pulse.dlq.records";
    public static final String END_TO_END_LAG = "pulse.processor.end.to.end.lag";
    public static final String INDICATORS_EMITTED = "pulse.processor.indicators.emitted";
    public static final String ALERTS_FIRED = "pulse.alerts.fired";
    public static final String SINK_ROWS = "pulse.sink.rows.written";
    public static final String SINK_COMMIT = "pulse.sink.commit";

    private PulseMetrics() {
    }

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /** Registrations ingest accepted (written to the registrations topic). */
    public static void eventsAccepted(long count) {
        Counter.builder(INGEST_EVENTS).description("registrations accepted or rejected by ingest")
                .tag("outcome", "accepted").tag("reason", "none").register(registry()).increment(count);
    }

    /** Registrations ingest refused, by a short machine-readable reason (e.g. "invalid", "duplicate", "unknown_zone"). */
    public static void eventsRejected(String reason, long count) {
        Counter.builder(INGEST_EVENTS).description("registrations accepted or rejected by ingest")
                .tag("outcome", "rejected").tag("reason", reason).register(registry()).increment(count);
    }

    /** One record written to a dead-letter topic by {@code service}. */
    public static void deadLettered(String service, String topic) {
        Counter.builder(DLQ_RECORDS).description("records written to a dead-letter topic")
                .tag("service", service).tag("topic", topic).register(registry()).increment();
    }

    /** One indicator emitted; the lag is measured from the ingest time of its newest registration, when known. */
    public static void indicatorEmitted(Instant lastIngestedAt, Instant emittedAt) {
        Counter.builder(INDICATORS_EMITTED).description("indicator updates emitted by the processor")
                .register(registry()).increment();
        if (lastIngestedAt != null && !emittedAt.isBefore(lastIngestedAt)) {
            Timer.builder(END_TO_END_LAG).description("ingest time of the newest registration to indicator emitted")
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofMinutes(5))
                    .register(registry()).record(Duration.between(lastIngestedAt, emittedAt));
        }
    }

    /** One alert fired (a FIRING transition), by kind. */
    public static void alertFired(String kind) {
        Counter.builder(ALERTS_FIRED).description("alerts fired").tag("kind", kind).register(registry()).increment();
    }

    /** Rows the sink wrote and the time its database transaction took to commit. */
    public static void sinkCommitted(long rows, Duration commitLatency) {
        Counter.builder(SINK_ROWS).description("rows written by the sink").register(registry()).increment(rows);
        Timer.builder(SINK_COMMIT).description("sink database transaction commit latency")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry()).record(commitLatency);
    }

    /** Binds a producer's metrics ({@code kafka_producer_*}); close the result when the producer closes. */
    public static AutoCloseable bind(Producer<?, ?> producer) {
        return bindClient(new KafkaClientMetrics(producer));
    }

    /** Binds a consumer's metrics ({@code kafka_consumer_*}, including records-lag); close with the consumer. */
    public static AutoCloseable bind(Consumer<?, ?> consumer) {
        return bindClient(new KafkaClientMetrics(consumer));
    }

    public static AutoCloseable bind(AdminClient admin) {
        return bindClient(new KafkaClientMetrics(admin));
    }

    private static AutoCloseable bindClient(KafkaClientMetrics metrics) {
        metrics.bindTo(registry());
        return metrics;
    }
}
