package vn.investpulse.alerts.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Progress of a year against its plan (tiến độ so với kế hoạch), as last computed by the processor.
 *
 * @param progressPct   year-to-date registered capital / plan x 100, scale 2
 * @param planAmount    the annual plan, in {@code planCurrency}
 * @param eventId       the registration event that caused this figure, null when reference data did
 * @param certificateNo its certificate number (số GCN), null likewise
 * @param eventTime     when that event entered the pipeline (the indicator's lastIngestedAt), null likewise
 * @param asOf          when the processor computed the figure: orders updates, so a replay of older figures is ignored
 */
public record PlanProgress(PlanScope scope, BigDecimal progressPct, BigDecimal planAmount, String planCurrency,
                           String eventId, String certificateNo, Instant eventTime, Instant asOf) {

    public PlanProgress {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(progressPct, "progressPct");
        Objects.requireNonNull(planAmount, "planAmount");
        Objects.requireNonNull(planCurrency, "planCurrency");
        Objects.requireNonNull(asOf, "asOf");
    }
}
