package vn.investpulse.processor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;

class DimKeyTest {

    @Test
    void aMonthKeyIsTheSeriesThenTheIsoMonthWhateverTheYear() {
        DimKey zone = new DimKey(IndicatorSource.FDI, Dimension.ZONE, "DEEP_C");
        assertThat(zone.monthKey(YearMonth.of(2023, 4))).isEqualTo("FDI|ZONE|DEEP_C|2023-04");
        assertThat(zone.monthKey(YearMonth.of(1995, 12))).isEqualTo("FDI|ZONE|DEEP_C|1995-12");
        assertThat(DimKey.total(IndicatorSource.DDI).monthKey(YearMonth.of(2024, 1))).isEqualTo("DDI|TOTAL||2024-01");
        // Years outside four digits keep YearMonth's own form, which the month is read back from.
        assertThat(zone.monthKey(YearMonth.of(999, 10))).isEqualTo("FDI|ZONE|DEEP_C|" + YearMonth.of(999, 10));
        assertThat(zone.monthKey(YearMonth.of(12024, 3))).isEqualTo("FDI|ZONE|DEEP_C|" + YearMonth.of(12024, 3));
        for (int year : new int[] {999, 1000, 2023, 9999, 12024}) {
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(year, month);
                assertThat(DimKey.monthOfMonthKey(zone.monthKey(ym))).isEqualTo(ym);
                assertThat(zone.monthKey(ym)).startsWith(zone.prefix()).isEqualTo(zone.prefix() + ym);
            }
        }
    }
}
