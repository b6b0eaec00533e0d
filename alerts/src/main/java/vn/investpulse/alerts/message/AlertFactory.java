package vn.investpulse.alerts.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.alerts.rules.PlanScope;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertKind;
import vn.investpulse.schemas.AlertState;

/**
 * Builds {@link Alert} records: the deterministic id, the figures at that moment, the causing event and
 * the two messages. {@code processedAt} comes from the injected clock.
 */
public final class AlertFactory {

    private final Clock clock;

    public AlertFactory(Clock clock) {
        this.clock = clock;
    }

    /** {@code PLAN_THRESHOLD:FDI:TOTAL:2023:100} — the threshold written plainly (100, 12.5). */
    public static String thresholdId(PlanScope scope, BigDecimal thresholdPct) {
        return AlertKind.PLAN_THRESHOLD + ":" + scope.id() + ":" + thresholdPct.stripTrailingZeros().toPlainString();
    }

    /** {@code PLAN_PACE:FDI:TOTAL:2026}. */
    public static String paceId(PlanScope scope) {
        return AlertKind.PLAN_PACE + ":" + scope.id();
    }

    public Alert threshold(AlertState state, BigDecimal thresholdPct, PlanProgress progress) {
        PlanScope scope = progress.scope();
        AlertMessages.Message message = state == AlertState.FIRING
                ? AlertMessages.thresholdReached(scope, thresholdPct, progress.planAmount(), progress.planCurrency())
                : AlertMessages.thresholdLost(scope, thresholdPct, progress.progressPct(), progress.planAmount(), progress.planCurrency());
        return build(thresholdId(scope, thresholdPct), AlertKind.PLAN_THRESHOLD, state, thresholdPct, progress, true, message);
    }

    /**
     * @param causedByEvent whether the progress update's event caused this alert (a recovery on update),
     *                      rather than the calendar (a month-end check)
     */
    public Alert pace(AlertState state, BigDecimal expectedPct, PlanProgress progress, boolean causedByEvent) {
        PlanScope scope = progress.scope();
        AlertMessages.Message message = state == AlertState.FIRING
                ? AlertMessages.behindPace(scope, progress.progressPct(), expectedPct)
                : AlertMessages.backOnPace(scope, progress.progressPct(), expectedPct);
        return build(paceId(scope), AlertKind.PLAN_PACE, state, expectedPct, progress, causedByEvent, message);
    }

    private Alert build(String id, AlertKind kind, AlertState state, BigDecimal thresholdPct, PlanProgress progress,
                        boolean withEvent, AlertMessages.Message message) {
        PlanScope scope = progress.scope();
        return Alert.newBuilder()
                .setId(id)
                .setKind(kind)
                .setState(state)
                .setSource(scope.source())
                .setScope(scope.scope())
                .setYear(scope.year())
                .setThresholdPct(thresholdPct.setScale(2, RoundingMode.HALF_UP))
                .setProgressPct(progress.progressPct().setScale(2, RoundingMode.HALF_UP))
                .setPlanAmount(progress.planAmount().setScale(6, RoundingMode.HALF_UP))
                .setPlanCurrency(progress.planCurrency())
                .setEventId(withEvent ? progress.eventId() : null)
                .setCertificateNo(withEvent ? progress.certificateNo() : null)
                .setEventTime(withEvent && progress.eventTime() != null ? progress.eventTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : null)
                .setProcessedAt(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setMessageVi(message.vi())
                .setMessageEn(message.en())
                .build();
    }
}
