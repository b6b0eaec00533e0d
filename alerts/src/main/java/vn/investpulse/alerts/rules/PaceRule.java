package vn.investpulse.alerts.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import vn.investpulse.schemas.AlertState;

/**
 * The pace rule (tiến độ): at the end of month m of the year, the plan is expected to be at least
 * {@code factor x m/12 x 100} % done; below that the year is behind plan. Month ends are those of
 * Asia/Ho_Chi_Minh, whatever the JVM's zone.
 */
public final class PaceRule {

    public static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal factor;

    public PaceRule(BigDecimal factor) {
        this.factor = factor;
    }

    /** The month whose end is the latest one passed at {@code now} in Hai Phong: on 1 April, March. */
    public static YearMonth lastCompletedMonth(Instant now) {
        return YearMonth.from(now.atZone(HAI_PHONG)).minusMonths(1);
    }

    /** The expected progress at the end of {@code month}, in %, scale 2: end of March at factor 0.8 is 20.00. */
    public BigDecimal expectedPct(YearMonth month) {
        return factor.multiply(HUNDRED)
                .multiply(BigDecimal.valueOf(month.getMonthValue()))
                .divide(MONTHS_PER_YEAR, 2, RoundingMode.HALF_UP);
    }

    /**
     * The state change a month-end check calls for, if any: FIRING when behind and not yet firing,
     * RESOLVED when back on pace while firing.
     */
    public static Optional<AlertState> atMonthEnd(boolean firing, BigDecimal progressPct, BigDecimal expectedPct) {
        boolean behind = progressPct.compareTo(expectedPct) < 0;
        if (behind && !firing) {
            return Optional.of(AlertState.FIRING);
        }
        if (!behind && firing) {
            return Optional.of(AlertState.RESOLVED);
        }
        return Optional.empty();
    }

    /** Between month ends only recovery is checked: a year does not fall behind until a month has ended. */
    public static boolean recovered(boolean firing, BigDecimal progressPct, BigDecimal expectedPct) {
        return firing && expectedPct != null && progressPct.compareTo(expectedPct) >= 0;
    }
}
