package vn.investpulse.alerts.topology;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.SortedSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.message.AlertFactory;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.alerts.rules.ThresholdRule;
import vn.investpulse.schemas.Alert;

/**
 * Applies the {@link ThresholdRule} to each progress update of a (source, scope, year), remembering in a
 * changelogged store which thresholds fire, so a replay, a re-import or a restart cannot fire twice.
 * Figures older than the last one seen (by the processor's {@code asOf}) are a replay and are ignored.
 */
final class ThresholdProcessor implements Processor<String, PlanProgress, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(ThresholdProcessor.class);

    private final ThresholdRule rule;
    private final AlertFactory alerts;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, ThresholdState> store;

    ThresholdProcessor(ThresholdRule rule, AlertFactory alerts) {
        this.rule = rule;
        this.alerts = alerts;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(AlertsTopology.THRESHOLD_STORE);
    }

    @Override
    public void process(Record<String, PlanProgress> record) {
        PlanProgress progress = record.value();
        ThresholdState state = store.get(record.key());
        if (state != null && progress.asOf().isBefore(state.lastAsOf())) {
            LOG.debug("{}: ignoring figures as of {}, older than {} (a replay)", record.key(), progress.asOf(), state.lastAsOf());
            return;
        }
        List<BigDecimal> firing = state == null ? List.of() : state.firing();
        List<ThresholdRule.Transition> transitions = rule.evaluate(new HashSet<>(firing), progress.progressPct());
        SortedSet<BigDecimal> next = ThresholdRule.apply(new HashSet<>(firing), transitions);
        store.put(record.key(), new ThresholdState(progress.progressPct(), progress.asOf(), List.copyOf(next)));
        for (ThresholdRule.Transition t : transitions) {
            Alert alert = alerts.threshold(t.state(), t.thresholdPct(), progress);
            LOG.info("{} {}: {}", alert.getState(), alert.getId(), alert.getMessageEn());
            if (alert.getState() == vn.investpulse.schemas.AlertState.FIRING) {
                vn.investpulse.observability.PulseMetrics.alertFired(alert.getKind().name());
            }
            context.forward(record.withKey(alert.getId()).withValue(alert));
        }
    }
}
