package vn.investpulse.alerts.message;

import java.math.BigDecimal;
import vn.investpulse.alerts.rules.PlanScope;

/**
 * The human text of an alert, in Vietnamese and English, e.g. «Vốn FDI năm 2023 đã đạt 100% kế hoạch
 * (2 tỷ USD)» / "FDI 2023 reached 100% of plan (USD 2 bn)".
 */
public final class AlertMessages {

    private static final NumberStyle VI = NumberStyle.VIETNAMESE;
    private static final NumberStyle EN = NumberStyle.ENGLISH;

    private AlertMessages() {
    }

    /** Both languages of one alert. */
    public record Message(String vi, String en) {
    }

    public static Message thresholdReached(PlanScope scope, BigDecimal thresholdPct, BigDecimal planAmount, String planCurrency) {
        return new Message(
                subjectVi(scope) + " đã đạt " + VI.thresholdPercent(thresholdPct) + " kế hoạch ("
                        + VI.amount(planAmount, planCurrency) + ")",
                subjectEn(scope) + " reached " + EN.thresholdPercent(thresholdPct) + " of plan ("
                        + EN.amount(planAmount, planCurrency) + ")");
    }

    public static Message thresholdLost(PlanScope scope, BigDecimal thresholdPct, BigDecimal progressPct,
                                        BigDecimal planAmount, String planCurrency) {
        return new Message(
                subjectVi(scope) + " đã xuống dưới " + VI.thresholdPercent(thresholdPct) + " kế hoạch ("
                        + VI.amount(planAmount, planCurrency) + "): hiện đạt " + VI.percent(progressPct),
                subjectEn(scope) + " fell back below " + EN.thresholdPercent(thresholdPct) + " of plan ("
                        + EN.amount(planAmount, planCurrency) + "): now " + EN.percent(progressPct));
    }

    public static Message behindPace(PlanScope scope, BigDecimal progressPct, BigDecimal expectedPct) {
        return new Message(
                subjectVi(scope) + " chậm so với tiến độ kế hoạch: " + VI.percent(progressPct) + " so với "
                        + VI.percent(expectedPct) + " dự kiến",
                subjectEn(scope) + " is behind plan pace: " + EN.percent(progressPct) + " against "
                        + EN.percent(expectedPct) + " expected");
    }

    public static Message backOnPace(PlanScope scope, BigDecimal progressPct, BigDecimal expectedPct) {
        return new Message(
                subjectVi(scope) + " đã theo kịp tiến độ kế hoạch: " + VI.percent(progressPct) + " so với "
                        + VI.percent(expectedPct) + " dự kiến",
                subjectEn(scope) + " is back on plan pace: " + EN.percent(progressPct) + " against "
                        + EN.percent(expectedPct) + " expected");
    }

    /** «Vốn FDI năm 2023», or «Vốn FDI năm 2023 tại DEEP_C» for a zone. */
    private static String subjectVi(PlanScope scope) {
        return "Vốn " + scope.source() + " năm " + scope.year() + (scope.isTotal() ? "" : " tại " + scope.scope());
    }

    private static String subjectEn(PlanScope scope) {
        return scope.source() + " " + scope.year() + (scope.isTotal() ? "" : " in " + scope.scope());
    }
}
