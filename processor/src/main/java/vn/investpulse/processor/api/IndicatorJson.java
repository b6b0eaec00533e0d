package vn.investpulse.processor.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.query.BreakdownRow;
import vn.investpulse.schemas.Indicator;

/**
 * The JSON of the API. Field names are the contract of issue 4 (dashboards and alerts read them); money is a
 * JSON number rounded half-up to 6 places, percentages to 2, dates ISO — never doubles.
 */
public final class IndicatorJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private IndicatorJson() {
    }

    /** Exactly the fields of issue 4, in its order. */
    public static Map<String, Object> figures(Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", f.source().name());
        m.put("period", f.period().toString());
        m.put("periodStart", f.period().start().toString());
        m.put("periodEnd", f.period().end().toString());
        m.put("newProjects", f.newProjects());
        m.put("capitalIncreases", f.capitalIncreases());
        m.put("capitalDecreases", f.capitalDecreases());
        m.put("sharePurchases", f.sharePurchases());
        m.put("terminations", f.terminations());
        m.put("newCapitalUsd", Figures.money(f.newCapital().usd()));
        m.put("newCapitalVnd", Figures.money(f.newCapital().vnd()));
        m.put("adjustedCapitalUsd", Figures.money(f.adjustedCapital().usd()));
        m.put("adjustedCapitalVnd", Figures.money(f.adjustedCapital().vnd()));
        m.put("sharePurchaseCapitalUsd", Figures.money(f.sharePurchaseCapital().usd()));
        m.put("sharePurchaseCapitalVnd", Figures.money(f.sharePurchaseCapital().vnd()));
        m.put("totalCapitalUsd", Figures.money(f.totalCapital().usd()));
        m.put("totalCapitalVnd", Figures.money(f.totalCapital().vnd()));
        m.put("planAmount", f.plan() == null ? null : Figures.money(f.plan().amount()));
        m.put("planCurrency", f.plan() == null ? null : f.plan().currency());
        m.put("planProgressPct", Figures.percent(f.planProgressPct()));
        m.put("yoyGrowthPct", Figures.percent(f.yoyGrowthPct()));
        m.put("cumulativeProjects", f.cumulativeProjects());
        m.put("cumulativeCapitalUsd", Figures.money(f.cumulativeCapital().usd()));
        m.put("cumulativeCapitalVnd", Figures.money(f.cumulativeCapital().vnd()));
        return m;
    }

    /** A breakdown row: the dimension and its value, the figures, and the share of the source's total (%). */
    public static Map<String, Object> row(BreakdownRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", r.series().dimension().name());
        m.put("value", r.series().value());
        m.putAll(figures(r.figures()));
        m.put("sharePct", Figures.percent(r.sharePct()));
        return m;
    }

    /** An emitted indicator (the SSE stream): the same names plus its key fields and provenance. */
    public static Map<String, Object> indicator(Indicator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", i.getSource().name());
        m.put("dimension", i.getDimension().name());
        m.put("dimensionValue", i.getDimensionValue());
        m.put("periodKind", i.getPeriodKind().name());
        m.put("period", i.getPeriodId());
        m.put("periodStart", i.getPeriodStart().toString());
        m.put("periodEnd", i.getPeriodEnd().toString());
        m.put("newProjects", i.getNewProjects());
        m.put("capitalIncreases", i.getCapitalIncreases());
        m.put("capitalDecreases", i.getCapitalDecreases());
        m.put("sharePurchases", i.getSharePurchases());
        m.put("terminations", i.getTerminations());
        m.put("newCapitalUsd", i.getNewCapitalUsd());
        m.put("newCapitalVnd", i.getNewCapitalVnd());
        m.put("adjustedCapitalUsd", i.getAdjustedCapitalUsd());
        m.put("adjustedCapitalVnd", i.getAdjustedCapitalVnd());
        m.put("sharePurchaseCapitalUsd", i.getSharePurchaseCapitalUsd());
        m.put("sharePurchaseCapitalVnd", i.getSharePurchaseCapitalVnd());
        m.put("totalCapitalUsd", i.getTotalCapitalUsd());
        m.put("totalCapitalVnd", i.getTotalCapitalVnd());
        m.put("planAmount", i.getPlanAmount());
        m.put("planCurrency", i.getPlanCurrency());
        m.put("planProgressPct", i.getPlanProgressPct());
        m.put("yoyGrowthPct", i.getYoyGrowthPct());
        m.put("cumulativeProjects", i.getCumulativeProjects());
        m.put("cumulativeCapitalUsd", i.getCumulativeCapitalUsd());
        m.put("cumulativeCapitalVnd", i.getCumulativeCapitalVnd());
        m.put("asOf", i.getAsOf().toString());
        m.put("lastIngestedAt", i.getLastIngestedAt() == null ? null : i.getLastIngestedAt().toString());
        m.put("lastEventId", i.getLastEventId());
        m.put("lastCertificateNo", i.getLastCertificateNo());
        return m;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static String error(String reason) {
        return write(Map.of("error", reason));
    }

    static List<Map<String, Object>> figuresList(List<Figures> list) {
        return list.stream().map(IndicatorJson::figures).toList();
    }

}
