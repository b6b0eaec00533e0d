package vn.investpulse.alerts.topology;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.message.AlertFactory;
import vn.investpulse.alerts.rules.PaceRule;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertState;

/**
 * The pace rule for the current year. Month ends are found by a wall-clock punctuation reading the
 * injected {@link Clock} — not stream time, because registrations are sparse and a month can end without
 * a single event. The last month end evaluated is kept per scope in the changelogged store, so a restart
 * (or a punctuation that runs twice) does not evaluate a month end again. Between month ends, a progress
 * update can only resolve: a year is not judged behind until a month has ended.
 */
final class PaceProcessor implements Processor<String, PlanProgress, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(PaceProcessor.class);

    private final PaceRule rule;
    private final AlertFactory alerts;
    private final Clock clock;
    private final Duration checkInterval;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, PaceState> store;

    PaceProcessor(PaceRule rule, AlertFactory alerts, Clock clock, Duration checkInterval) {
        this.rule = rule;
        this.alerts = alerts;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(AlertsTopology.PACE_STORE);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, ignoredWallClock -> checkMonthEnd());
    }

    @Override
    public void process(Record<String, PlanProgress> record) {
        PlanProgress progress = record.value();
        YearMonth completed = PaceRule.lastCompletedMonth(clock.instant());
        int year = progress.scope().year();
        // Only the current year is paced (and, in January, the year just ended, whose December is still to judge).
        if (year != completed.getYear() && year != completed.plusMonths(1).getYear()) {
            return;
        }
        PaceState state = store.get(record.key());
        if (state != null && progress.asOf().isBefore(state.latest().asOf())) {
            return;
        }
        boolean firing = state != null && state.firing();
        BigDecimal expected = state == null ? null : state.expectedPct();
        if (PaceRule.recovered(firing, progress.progressPct(), expected)) {
            firing = false;
            emit(alerts.pace(AlertState.RESOLVED, expected, progress, true), record.timestamp());
        }
        store.put(record.key(), new PaceState(progress, state == null ? null : state.lastEvaluatedMonth(), firing, expected));
    }

    /** Evaluates the latest month end for every scope of its year that has not been evaluated for it yet. */
    void checkMonthEnd() {
        YearMonth completed = PaceRule.lastCompletedMonth(clock.instant());
        BigDecimal expected = rule.expectedPct(completed);
        List<KeyValue<String, PaceState>> updates = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        try (KeyValueIterator<String, PaceState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, PaceState> entry = all.next();
                PaceState state = entry.value;
                int year = state.latest().scope().year();
                if (year < completed.getYear()) {
                    finished.add(entry.key);
                } else if (year == completed.getYear()
                        && (state.lastEvaluatedMonth() == null || state.lastEvaluatedMonth().isBefore(completed))) {
                    Optional<AlertState> change = PaceRule.atMonthEnd(state.firing(), state.latest().progressPct(), expected);
                    boolean firing = change.map(s -> s == AlertState.FIRING).orElse(state.firing());
                    updates.add(KeyValue.pair(entry.key, new PaceState(state.latest(), completed, firing, expected)));
                    change.ifPresent(s -> emit(alerts.pace(s, expected, state.latest(), false), clock.millis()));
                }
            }
        }
        updates.forEach(u -> store.put(u.key, u.value));
        // A year whose December has been judged is no longer paced.
        finished.forEach(store::delete);
    }

    private void emit(Alert alert, long timestamp) {
        LOG.info("{} {}: {}", alert.getState(), alert.getId(), alert.getMessageEn());
        if (alert.getState() == vn.investpulse.schemas.AlertState.FIRING) {
            vn.investpulse.observability.PulseMetrics.alertFired(alert.getKind().name());
        }
        context.forward(new Record<>(alert.getId(), alert, timestamp));
    }
}
