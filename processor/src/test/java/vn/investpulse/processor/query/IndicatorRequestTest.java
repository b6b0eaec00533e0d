package vn.investpulse.processor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

class IndicatorRequestTest {

    private static Function<String, String> q(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m::get;
    }

    @Test
    void readsTheSeriesOfEachFilter() {
        assertThat(IndicatorRequest.series(IndicatorSource.FDI, q())).isEqualTo(DimKey.total(IndicatorSource.FDI));
        assertThat(IndicatorRequest.series(IndicatorSource.FDI, q("zone", "DEEP_C"))).isEqualTo(new DimKey(IndicatorSource.FDI, Dimension.ZONE, "DEEP_C"));
        assertThat(IndicatorRequest.series(IndicatorSource.DDI, q("sector", "c26"))).isEqualTo(new DimKey(IndicatorSource.DDI, Dimension.SECTOR, "C26"));
        assertThat(IndicatorRequest.series(IndicatorSource.ALL, q("sector", "C"))).isEqualTo(new DimKey(IndicatorSource.ALL, Dimension.SECTION, "C"));
        assertThat(IndicatorRequest.series(IndicatorSource.FDI, q("section", "C"))).isEqualTo(new DimKey(IndicatorSource.FDI, Dimension.SECTION, "C"));
        assertThat(IndicatorRequest.series(IndicatorSource.FDI, q("country", "kr"))).isEqualTo(new DimKey(IndicatorSource.FDI, Dimension.COUNTRY, "KR"));
    }

    @Test
    void refusesMalformedQueriesWithAReason() {
        assertThatThrownBy(() -> IndicatorRequest.source(q())).hasMessageContaining("source is required");
        assertThatThrownBy(() -> IndicatorRequest.source(q("source", "FOO"))).hasMessageContaining("not FDI, DDI or ALL");
        assertThatThrownBy(() -> IndicatorRequest.series(IndicatorSource.FDI, q("zone", "A", "country", "KR"))).hasMessageContaining("at most one");
        assertThatThrownBy(() -> IndicatorRequest.series(IndicatorSource.FDI, q("sector", "26"))).hasMessageContaining("VSIC");
        assertThatThrownBy(() -> IndicatorRequest.series(IndicatorSource.FDI, q("country", "KOR"))).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> IndicatorRequest.period(q())).hasMessageContaining("period is missing");
        assertThatThrownBy(() -> IndicatorRequest.granularity(q("granularity", "week"))).hasMessageContaining("month, quarter or year");
        assertThatThrownBy(() -> IndicatorRequest.periods(PeriodKind.MONTH, q("from", "2023-05", "to", "2023-01"))).hasMessageContaining("after");
        assertThatThrownBy(() -> IndicatorRequest.periods(PeriodKind.MONTH, q("from", "2023", "to", "2024"))).hasMessageContaining("not a month");
        assertThatThrownBy(() -> IndicatorRequest.breakdownDimension(q("by", "city"))).hasMessageContaining("zone, sector, section or country");
    }

    @Test
    void aSeriesListsEveryPeriodInclusive() {
        assertThat(IndicatorRequest.periods(PeriodKind.QUARTER, q("from", "2023-Q3", "to", "2024-Q2")))
                .containsExactly(PeriodId.quarter(2023, 3), PeriodId.quarter(2023, 4), PeriodId.quarter(2024, 1), PeriodId.quarter(2024, 2));
        assertThat(IndicatorRequest.periods(PeriodKind.MONTH, q("from", "2023-11", "to", "2024-02"))).hasSize(4);
    }
}
