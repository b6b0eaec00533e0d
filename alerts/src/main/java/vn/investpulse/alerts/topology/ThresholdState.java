package vn.investpulse.alerts.topology;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the threshold rule remembers per (source, scope, year), in the changelogged store
 * {@value AlertsTopology#THRESHOLD_STORE}: the last progress seen, when it was computed, and which
 * thresholds are FIRING.
 */
record ThresholdState(BigDecimal lastProgressPct, Instant lastAsOf, List<BigDecimal> firing) {

    ThresholdState {
        firing = List.copyOf(firing);
    }
}
