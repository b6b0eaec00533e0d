package vn.investpulse.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

/**
 * Indicator records as the processor emits them on pulse.indicators.v1 (the contract the alerts consume):
 * a yearly figure with its plan and the event that caused the update.
 */
public final class Indicators {

    public static final BigDecimal TWO_BN_USD = new BigDecimal("2000000000");
    public static final BigDecimal TEN_THOUSAND_BN_VND = new BigDecimal("10000000000000");

    private Indicators() {
    }

    public static IndicatorKey key(IndicatorSource source, Dimension dimension, String value, PeriodKind kind, String periodId) {
        return IndicatorKey.newBuilder().setSource(source).setDimension(dimension).setDimensionValue(value)
                .setPeriodKind(kind).setPeriodId(periodId).build();
    }

    public static IndicatorKey keyOf(Indicator i) {
        return key(i.getSource(), i.getDimension(), i.getDimensionValue(), i.getPeriodKind(), i.getPeriodId());
    }

    /** The FDI (USD) total of a year at {@code progressPct} of a 2 bn plan, caused by event {@code eventId}. */
    public static Indicator fdiYear(int year, String progressPct, Instant asOf, String eventId) {
        return year(IndicatorSource.FDI, Dimension.TOTAL, "", year, progressPct, TWO_BN_USD, "USD", asOf, eventId);
    }

    public static Indicator year(IndicatorSource source, Dimension dimension, String dimensionValue, int year, String progressPct,
                                 BigDecimal planAmount, String planCurrency, Instant asOf, String eventId) {
        BigDecimal progress = progressPct == null ? null : new BigDecimal(progressPct).setScale(2, RoundingMode.HALF_UP);
        BigDecimal capital = progress == null || planAmount == null ? BigDecimal.ZERO
                : planAmount.multiply(progress).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
        return Indicator.newBuilder()
                .setSource(source)
                .setDimension(dimension)
                .setDimensionValue(dimensionValue)
                .setPeriodKind(PeriodKind.YEAR)
                .setPeriodId(Integer.toString(year))
                .setPeriodStart(LocalDate.of(year, 1, 1))
                .setPeriodEnd(LocalDate.of(year, 12, 31))
                .setNewProjects(1).setCapitalIncreases(0).setCapitalDecreases(0).setSharePurchases(0).setTerminations(0)
                .setNewCapitalUsd(money(capital)).setNewCapitalVnd(money(capital.multiply(BigDecimal.valueOf(25000))))
                .setAdjustedCapitalUsd(money(BigDecimal.ZERO)).setAdjustedCapitalVnd(money(BigDecimal.ZERO))
                .setSharePurchaseCapitalUsd(money(BigDecimal.ZERO)).setSharePurchaseCapitalVnd(money(BigDecimal.ZERO))
                .setTotalCapitalUsd(money(capital)).setTotalCapitalVnd(money(capital.multiply(BigDecimal.valueOf(25000))))
                .setPlanAmount(planAmount == null ? null : money(planAmount))
                .setPlanCurrency(planCurrency)
                .setPlanProgressPct(progress)
                .setYoyGrowthPct(null)
                .setCumulativeProjects(1)
                .setCumulativeCapitalUsd(money(capital))
                .setCumulativeCapitalVnd(money(capital.multiply(BigDecimal.valueOf(25000))))
                .setAsOf(asOf)
                .setLastIngestedAt(eventId == null ? null : asOf.minusMillis(250))
                .setLastEventId(eventId)
                .setLastCertificateNo(eventId == null ? null : "GCN-" + eventId)
                .build();
    }

    /** The same figures with another period kind or dimension: not a yearly plan figure. */
    public static Indicator as(Indicator base, Dimension dimension, String value, PeriodKind kind, String periodId) {
        return Indicator.newBuilder(base).setDimension(dimension).setDimensionValue(value).setPeriodKind(kind).setPeriodId(periodId).build();
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }
}
