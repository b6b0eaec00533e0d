package vn.investpulse.processor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SeriesMarksTest {

    @Test
    void monthNumbersAreConsecutiveAcrossYearsAndTurnBackIntoTheirMonths() {
        assertThat(SeriesMarks.month(LocalDate.of(2024, 1, 1)) - SeriesMarks.month(LocalDate.of(2023, 12, 31))).isEqualTo(1);
        assertThat(SeriesMarks.month(LocalDate.of(2023, 4, 30))).isEqualTo(SeriesMarks.month(YearMonth.of(2023, 4)));
        for (YearMonth m = YearMonth.of(1995, 1); m.isBefore(YearMonth.of(2031, 1)); m = m.plusMonths(1)) {
            assertThat(SeriesMarks.yearMonth(SeriesMarks.month(m))).isEqualTo(m);
        }
    }

    @Test
    void factChangesKeepTheirSeriesMonthsAndCause() {
        SeriesMarks marks = SeriesMarks.facts(new String[] {"FDI|TOTAL|", "ALL|TOTAL|"},
                new int[] {SeriesMarks.month(YearMonth.of(2023, 4)), SeriesMarks.month(YearMonth.of(2023, 4))},
                "e-1", "GCN-1", 1_700_000_000_000L);
        assertThat(marks.changes()).isEqualTo(2);
        assertThat(marks.changedSeries(1)).isEqualTo("ALL|TOTAL|");
        assertThat(SeriesMarks.yearMonth(marks.changedMonth(0))).isEqualTo(YearMonth.of(2023, 4));
        assertThat(marks.eventId()).isEqualTo("e-1");
        assertThat(marks.marks()).isEmpty();
        assertThat(marks.toString()).contains("ALL|TOTAL| in 2023-04");
        assertThatThrownBy(() -> SeriesMarks.facts(new String[] {"FDI|TOTAL|"}, new int[0], "e-1", null, null))
                .hasMessageContaining("1 series but 0 months");
    }
}
