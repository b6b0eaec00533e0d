package vn.investpulse.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.RegistrationEvent;
import vn.investpulse.schemas.Zone;

/**
 * The typed, immutable registry of every topic the pipeline owns. Built once from configuration
 * (partition count and replication factor); everything that produces, consumes or creates topics
 * takes its names, types and configs from here.
 */
public final class Topics {

    public static final String REGISTRATIONS = "pulse.registrations.v1";
    public static final String REGISTRATIONS_DLQ = "pulse.registrations.dlq.v1";
    public static final String ZONES = "pulse.ref.zones.v1";
    public static final String FX_RATES = "pulse.ref.fx-rates.v1";
    public static final String PLANS = "pulse.ref.plans.v1";
    public static final String INDICATORS = "pulse.indicators.v1";
    public static final String ALERTS = "pulse.alerts.v1";
    public static final String ALERTS_DLQ = "pulse.alerts.dlq.v1";
    public static final String SINK_DLQ = "pulse.sink.dlq.v1";

    /** Registrations are the system of record for replays: never deleted by time. */
    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");
    /** Reference data and indicators: the latest value per key wins. */
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

    private final TopicSpec<String, RegistrationEvent> registrations;
    private final TopicSpec<String, DeadLetter> registrationsDlq;
    private final TopicSpec<String, Zone> zones;
    private final TopicSpec<String, FxRate> fxRates;
    private final TopicSpec<String, PlanTarget> plans;
    private final TopicSpec<IndicatorKey, Indicator> indicators;
    private final TopicSpec<String, Alert> alerts;
    private final TopicSpec<String, DeadLetter> alertsDlq;
    private final TopicSpec<String, DeadLetter> sinkDlq;

    public Topics(int partitions, short replicationFactor) {
        short rf = replicationFactor;
        registrations = new TopicSpec<>(REGISTRATIONS, String.class, RegistrationEvent.class, partitions, rf, KEEP_FOREVER,
                "registration events keyed by certificate number");
        registrationsDlq = new TopicSpec<>(REGISTRATIONS_DLQ, String.class, DeadLetter.class, 1, rf, KEEP_FOREVER,
                "rows and records refused by ingest or the processor, with provenance and reason");
        // Reference data is small and read whole by every processor instance: one partition keeps it ordered.
        zones = new TopicSpec<>(ZONES, String.class, Zone.class, 1, rf, COMPACTED, "zones keyed by code");
        fxRates = new TopicSpec<>(FX_RATES, String.class, FxRate.class, 1, rf, COMPACTED, "FX rates keyed by CURRENCY:date");
        plans = new TopicSpec<>(PLANS, String.class, PlanTarget.class, 1, rf, COMPACTED, "annual plans keyed by SOURCE:year[:zone]");
        indicators = new TopicSpec<>(INDICATORS, IndicatorKey.class, Indicator.class, partitions, rf, COMPACTED,
                "indicator figures per (source, dimension, value, period)");
        alerts = new TopicSpec<>(ALERTS, String.class, Alert.class, 1, rf, KEEP_FOREVER, "plan alerts, FIRING and RESOLVED");
        alertsDlq = new TopicSpec<>(ALERTS_DLQ, String.class, DeadLetter.class, 1, rf, KEEP_FOREVER,
                "alerts whose webhook delivery failed after all retries");
        sinkDlq = new TopicSpec<>(SINK_DLQ, String.class, DeadLetter.class, 1, rf, KEEP_FOREVER,
                "records the sink could not write");
    }

    public TopicSpec<String, RegistrationEvent> registrations() { return registrations; }
    public TopicSpec<String, DeadLetter> registrationsDlq() { return registrationsDlq; }
    public TopicSpec<String, Zone> zones() { return zones; }
    public TopicSpec<String, FxRate> fxRates() { return fxRates; }
    public TopicSpec<String, PlanTarget> plans() { return plans; }
    public TopicSpec<IndicatorKey, Indicator> indicators() { return indicators; }
    public TopicSpec<String, Alert> alerts() { return alerts; }
    public TopicSpec<String, DeadLetter> alertsDlq() { return alertsDlq; }
    public TopicSpec<String, DeadLetter> sinkDlq() { return sinkDlq; }

    public List<TopicSpec<?, ?>> all() {
        return List.of(registrations, registrationsDlq, zones, fxRates, plans, indicators, alerts, alertsDlq, sinkDlq);
    }

    public Optional<TopicSpec<?, ?>> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
