package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.investpulse.processor.fx.Money;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.IndicatorSource;

/**
 * The figures of one source and period for one dimension value, at full precision. Use {@link #money} and
 * {@link #percent} to present them (half-up to 6 and 2 places), never round earlier.
 *
 * @param plan null when no plan applies (ALL, sector, section, country, or a zone without its own plan)
 * @param planProgressPct null without a plan (or a zero plan)
 * @param yoyGrowthPct null when the same period a year earlier has no figure or a zero total
 */
public record Figures(IndicatorSource source, PeriodId period,
                      int newProjects, int capitalIncreases, int capitalDecreases, int sharePurchases, int terminations,
                      Money newCapital, Money adjustedCapital, Money sharePurchaseCapital, Money totalCapital,
                      Plan plan, BigDecimal planProgressPct, BigDecimal yoyGrowthPct,
                      int cumulativeProjects, Money cumulativeCapital) {

    public static BigDecimal money(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }

    public static BigDecimal percent(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Total capital in the source's reporting currency: FDI and ALL in USD, DDI in VND. */
    public BigDecimal totalInReportingCurrency() {
        return FigureCalculator.inReportingCurrency(source, totalCapital);
    }

    /**
     * A stable text of the presented figures (what a subscriber sees), used to emit an indicator only when
     * something visible changed.
     */
    public String fingerprint() {
        return String.join("|", Integer.toString(newProjects), Integer.toString(capitalIncreases),
                Integer.toString(capitalDecreases), Integer.toString(sharePurchases), Integer.toString(terminations),
                m(newCapital), m(adjustedCapital), m(sharePurchaseCapital), m(totalCapital),
                plan == null ? "-" : money(plan.amount()).toPlainString() + plan.currency(),
                p(planProgressPct), p(yoyGrowthPct), Integer.toString(cumulativeProjects), m(cumulativeCapital));
    }

    private static String m(Money v) {
        return money(v.usd()).toPlainString() + "/" + money(v.vnd()).toPlainString();
    }

    private static String p(BigDecimal v) {
        return v == null ? "-" : percent(v).toPlainString();
    }
}
