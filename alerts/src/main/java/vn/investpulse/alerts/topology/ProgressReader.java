package vn.investpulse.alerts.topology;

import java.util.Optional;
import vn.investpulse.alerts.rules.AlertRules;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.alerts.rules.PlanScope;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

/**
 * Reads the plan progress out of an indicator record: only yearly figures of a watched source, for the
 * TOTAL or a watched zone, carrying a plan. Everything else on the indicators topic is not about plans.
 */
final class ProgressReader {

    private final AlertRules rules;

    ProgressReader(AlertRules rules) {
        this.rules = rules;
    }

    /** Whether the record is a yearly plan figure this application watches (plan present or not). */
    boolean watched(Indicator indicator) {
        if (indicator == null || indicator.getPeriodKind() != PeriodKind.YEAR || indicator.getSource() == IndicatorSource.ALL) {
            return false;
        }
        if (!rules.sources().contains(CapitalSource.valueOf(indicator.getSource().name()))) {
            return false;
        }
        return indicator.getDimension() == Dimension.TOTAL
                || indicator.getDimension() == Dimension.ZONE && rules.zones().includes(indicator.getDimensionValue());
    }

    /** Without a plan there is no progress to judge: the year (or the zone) is simply not planned. */
    static boolean hasPlan(Indicator indicator) {
        return indicator.getPlanProgressPct() != null;
    }

    /**
     * The progress, or the reason the record breaks the indicator contract (then it goes to the dead-letter
     * topic rather than being dropped).
     */
    static Result read(Indicator indicator) {
        int year;
        try {
            year = Integer.parseInt(indicator.getPeriodId());
        } catch (NumberFormatException e) {
            return Result.invalid("a YEAR indicator has periodId '" + indicator.getPeriodId() + "', not a year");
        }
        if (indicator.getPlanAmount() == null || indicator.getPlanCurrency() == null) {
            return Result.invalid("indicator " + indicator.getSource() + " " + indicator.getPeriodId()
                    + " has planProgressPct but no planAmount/planCurrency");
        }
        String scope = indicator.getDimension() == Dimension.TOTAL ? PlanScope.TOTAL : indicator.getDimensionValue();
        try {
            PlanScope planScope = new PlanScope(CapitalSource.valueOf(indicator.getSource().name()), scope, year);
            return Result.valid(new PlanProgress(planScope, indicator.getPlanProgressPct(), indicator.getPlanAmount(),
                    indicator.getPlanCurrency(), indicator.getLastEventId(), indicator.getLastCertificateNo(),
                    indicator.getLastIngestedAt(), indicator.getAsOf()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Result.invalid("indicator " + indicator.getSource() + " " + indicator.getPeriodId() + " "
                    + indicator.getDimension() + " '" + indicator.getDimensionValue() + "' is not a plan scope: " + e.getMessage());
        }
    }

    /** Either a progress or the reason there is none. */
    record Result(Optional<PlanProgress> progress, String problem) {

        static Result valid(PlanProgress progress) {
            return new Result(Optional.of(progress), null);
        }

        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem);
        }

        boolean isValid() {
            return progress.isPresent();
        }
    }
}
