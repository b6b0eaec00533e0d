package vn.investpulse.processor.figures;

import java.time.Instant;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;

/** Figures as the Avro records of pulse.indicators.v1 (money half-up to 6 places, percentages to 2). */
public final class IndicatorRecords {

    private IndicatorRecords() {
    }

    public static IndicatorKey key(DimKey series, Figures f) {
        return IndicatorKey.newBuilder().setSource(series.source()).setDimension(series.dimension())
                .setDimensionValue(series.value()).setPeriodKind(f.period().kind()).setPeriodId(f.period().toString()).build();
    }

    /** The text form of an indicator key, e.g. {@code FDI|ZONE|DEEP_C|MONTH|2023-04}. */
    public static String keyText(DimKey series, Figures f) {
        return series + "|" + f.period().kind() + "|" + f.period();
    }

    /**
     * @param cause the registration that caused this update, or null when reference data (an FX rate, a plan) did
     */
    public static Indicator indicator(DimKey series, Figures f, Instant asOf, String eventId, String certificateNo,
                                      Instant ingestedAt) {
        return Indicator.newBuilder()
                .setSource(series.source()).setDimension(series.dimension()).setDimensionValue(series.value())
                .setPeriodKind(f.period().kind()).setPeriodId(f.period().toString())
                .setPeriodStart(f.period().start()).setPeriodEnd(f.period().end())
                .setNewProjects(f.newProjects()).setCapitalIncreases(f.capitalIncreases())
                .setCapitalDecreases(f.capitalDecreases()).setSharePurchases(f.sharePurchases())
                .setTerminations(f.terminations())
                .setNewCapitalUsd(Figures.money(f.newCapital().usd())).setNewCapitalVnd(Figures.money(f.newCapital().vnd()))
                .setAdjustedCapitalUsd(Figures.money(f.adjustedCapital().usd()))
                .setAdjustedCapitalVnd(Figures.money(f.adjustedCapital().vnd()))
                .setSharePurchaseCapitalUsd(Figures.money(f.sharePurchaseCapital().usd()))
                .setSharePurchaseCapitalVnd(Figures.money(f.sharePurchaseCapital().vnd()))
                .setTotalCapitalUsd(Figures.money(f.totalCapital().usd())).setTotalCapitalVnd(Figures.money(f.totalCapital().vnd()))
                .setPlanAmount(f.plan() == null ? null : Figures.money(f.plan().amount()))
                .setPlanCurrency(f.plan() == null ? null : f.plan().currency())
                .setPlanProgressPct(Figures.percent(f.planProgressPct()))
                .setYoyGrowthPct(Figures.percent(f.yoyGrowthPct()))
                .setCumulativeProjects(f.cumulativeProjects())
                .setCumulativeCapitalUsd(Figures.money(f.cumulativeCapital().usd()))
                .setCumulativeCapitalVnd(Figures.money(f.cumulativeCapital().vnd()))
                .setAsOf(asOf).setLastIngestedAt(ingestedAt).setLastEventId(eventId).setLastCertificateNo(certificateNo)
                .build();
    }
}
