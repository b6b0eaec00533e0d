package vn.investpulse.sink.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertKind;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

/** Named test records with every field set to a distinct, exact value. */
public final class Fixtures {

    /** 1 January 2024 00:30 in Hai Phong is still 31 December 2023 in UTC (and in New York). */
    public static final Instant AS_OF = Instant.parse("2023-12-31T17:30:00.123Z");
    public static final Instant INGESTED_AT = Instant.parse("2023-12-31T17:10:00.456Z");

    private Fixtures() {
    }

    public static BigDecimal money(String value) {
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_UP);
    }

    public static BigDecimal pct(String value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** Q1 2024 FDI total: 212 M USD against a 2 bn plan is 10.60 %, with every other figure distinct. */
    public static Indicator q1Fdi2024() {
        return Indicator.newBuilder()
                .setSource(IndicatorSource.FDI).setDimension(Dimension.TOTAL).setDimensionValue("")
                .setPeriodKind(PeriodKind.QUARTER).setPeriodId("2024-Q1")
                .setPeriodStart(LocalDate.of(2024, 1, 1)).setPeriodEnd(LocalDate.of(2024, 3, 31))
                .setNewProjects(11).setCapitalIncreases(7).setCapitalDecreases(2).setSharePurchases(5).setTerminations(1)
                .setNewCapitalUsd(money("150000000.123456"))
                .setNewCapitalVnd(money("3645000002999.980800"))
                .setAdjustedCapitalUsd(money("41999999.876544"))
                .setAdjustedCapitalVnd(money("1020599997000.019200"))
                .setSharePurchaseCapitalUsd(money("20000000.000001"))
                .setSharePurchaseCapitalVnd(money("486000000024.300000"))
                .setTotalCapitalUsd(money("212000000.000001"))
                .setTotalCapitalVnd(money("5151600000024.300000"))
                .setPlanAmount(money("2000000000"))
                .setPlanCurrency("USD")
                .setPlanProgressPct(pct("10.60"))
                .setYoyGrowthPct(pct("-3.25"))
                .setCumulativeProjects(1043)
                .setCumulativeCapitalUsd(money("99999999999999999999999999999999.999999"))
                .setCumulativeCapitalVnd(money("12345678901234567890.000001"))
                .setAsOf(AS_OF)
                .setLastIngestedAt(INGESTED_AT)
                .setLastEventId("evt-2024-0001")
                .setLastCertificateNo("GCN-0123456789")
                .build();
    }

    /** A month row with the optional fields null (no plan, no earlier year, caused by a reference change). */
    public static Indicator month(IndicatorSource source, Dimension dimension, String value, YearMonth month, String totalUsd,
                                  String totalVnd, int newProjects) {
        return Indicator.newBuilder()
                .setSource(source).setDimension(dimension).setDimensionValue(value)
                .setPeriodKind(PeriodKind.MONTH).setPeriodId(month.toString())
                .setPeriodStart(month.atDay(1)).setPeriodEnd(month.atEndOfMonth())
                .setNewProjects(newProjects).setCapitalIncreases(0).setCapitalDecreases(0).setSharePurchases(0).setTerminations(0)
                .setNewCapitalUsd(money(totalUsd)).setNewCapitalVnd(money(totalVnd))
                .setAdjustedCapitalUsd(money("0")).setAdjustedCapitalVnd(money("0"))
                .setSharePurchaseCapitalUsd(money("0")).setSharePurchaseCapitalVnd(money("0"))
                .setTotalCapitalUsd(money(totalUsd)).setTotalCapitalVnd(money(totalVnd))
                .setCumulativeProjects(newProjects).setCumulativeCapitalUsd(money(totalUsd)).setCumulativeCapitalVnd(money(totalVnd))
                .setAsOf(AS_OF)
                .build();
    }

    /** A year row (YEAR period) with plan progress and YoY. */
    public static Indicator year(IndicatorSource source, Dimension dimension, String value, int year, String totalUsd, String totalVnd,
                                 int newProjects, String planAmount, String planCurrency, String progressPct, String yoyPct) {
        Indicator m = month(source, dimension, value, YearMonth.of(year, 1), totalUsd, totalVnd, newProjects);
        return Indicator.newBuilder(m)
                .setPeriodKind(PeriodKind.YEAR).setPeriodId(Integer.toString(year))
                .setPeriodStart(LocalDate.of(year, 1, 1)).setPeriodEnd(LocalDate.of(year, 12, 31))
                .setPlanAmount(planAmount == null ? null : money(planAmount)).setPlanCurrency(planCurrency)
                .setPlanProgressPct(progressPct == null ? null : pct(progressPct))
                .setYoyGrowthPct(yoyPct == null ? null : pct(yoyPct))
                .build();
    }

    public static IndicatorKey keyOf(Indicator v) {
        return IndicatorKey.newBuilder().setSource(v.getSource()).setDimension(v.getDimension()).setDimensionValue(v.getDimensionValue())
                .setPeriodKind(v.getPeriodKind()).setPeriodId(v.getPeriodId()).build();
    }

    /** FDI 2023 reached 100 % of plan: the example message. */
    public static Alert fdi2023Reached100(AlertState state, Instant processedAt) {
        return Alert.newBuilder()
                .setId("PLAN_THRESHOLD:FDI:TOTAL:2023:100")
                .setKind(AlertKind.PLAN_THRESHOLD).setState(state).setSource(CapitalSource.FDI).setScope("TOTAL").setYear(2023)
                .setThresholdPct(pct("100")).setProgressPct(pct("100.04"))
                .setPlanAmount(money("2000000000")).setPlanCurrency("USD")
                .setEventId("evt-2023-0917").setCertificateNo("GCN-2023-0917")
                .setEventTime(Instant.parse("2023-11-30T17:05:00Z"))
                .setProcessedAt(processedAt)
                .setMessageVi("Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)")
                .setMessageEn("FDI 2023 reached 100% of plan (USD 2 bn)")
                .build();
    }

    /** An ingest refusal of a CSV line. */
    public static DeadLetter ingestRefusal(String file, long line) {
        return DeadLetter.newBuilder()
                .setStage("ingest").setConnector("csv-import").setFile(file).setLine(line)
                .setEventId(null).setRawText("GCN-1;;NEW;FDI;Samsung;KR;DEEP_C;C26;abc;USD;2023-13-01")
                .setRawBytes(ByteBuffer.wrap("GCN-1;;NEW".getBytes(StandardCharsets.UTF_8)))
                .setReason("amount 'abc' is not a number").setReasonVi("số vốn 'abc' không phải là số")
                .setErrorClass("java.lang.NumberFormatException")
                .setTimestamp(Instant.parse("2024-01-02T03:04:05.678Z"))
                .build();
    }
}
