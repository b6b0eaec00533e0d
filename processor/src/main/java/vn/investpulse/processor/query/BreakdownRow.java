package vn.investpulse.processor.query;

import java.math.BigDecimal;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.Figures;

/** One value of a breakdown (a zone, a sector, a country) with its share of the source's total capital (%). */
public record BreakdownRow(DimKey series, Figures figures, BigDecimal sharePct) {
}
