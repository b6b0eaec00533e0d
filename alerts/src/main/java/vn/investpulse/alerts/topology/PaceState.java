package vn.investpulse.alerts.topology;

import java.math.BigDecimal;
import java.time.YearMonth;
import vn.investpulse.alerts.rules.PlanProgress;

/**
 * What the pace rule remembers per (source, scope, year), in the changelogged store
 * {@value AlertsTopology#PACE_STORE}: the latest progress, the last month end evaluated (so a restart
 * never evaluates a month end twice), whether the year is FIRING as behind plan, and the expected
 * progress of that last month end.
 */
record PaceState(PlanProgress latest, YearMonth lastEvaluatedMonth, boolean firing, BigDecimal expectedPct) {
}
