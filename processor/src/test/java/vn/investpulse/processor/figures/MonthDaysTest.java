package vn.investpulse.processor.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthDaysTest {

    private static MonthFacts newProject(String day, String amount) {
        MonthFacts f = new MonthFacts();
        f.newProjects = 1;
        f.addNewCapital(new CurrencyDate("USD", LocalDate.parse(day)), new BigDecimal(amount));
        return f;
    }

    @Test
    void aCopyChangesOnlyItsOwnDays() {
        MonthDays committed = new MonthDays().add(5, newProject("2023-03-05", "100"));
        MonthFacts before = committed.day(5).copy();

        MonthDays writer = committed.copy().add(5, newProject("2023-03-05", "20")).add(6, newProject("2023-03-06", "1"));
        writer.add(5, newProject("2023-03-05", "3")); // a day already copied is changed in place

        assertThat(committed.day(5)).isEqualTo(before);
        assertThat(committed.day(6)).isNull();
        assertThat(writer.day(5).newProjects).isEqualTo(3);
        assertThat(writer.day(6).newProjects).isEqualTo(1);
    }

    @Test
    void aSharedDeltaIsNeverStoredItself() {
        MonthFacts delta = newProject("2023-03-05", "100");
        MonthDays a = new MonthDays().add(5, delta);
        a.add(5, delta);
        assertThat(delta.newProjects).isEqualTo(1);
        assertThat(a.day(5).newProjects).isEqualTo(2);
        // The stored day shared the delta's bucket of new capital until it changed: the delta's amount is untouched.
        assertThat(delta.newCapital().get(new CurrencyDate("USD", LocalDate.parse("2023-03-05")))).isEqualByComparingTo("100");
        assertThat(a.day(5).newCapital().get(new CurrencyDate("USD", LocalDate.parse("2023-03-05")))).isEqualByComparingTo("200");
    }

    @Test
    void daysThatCancelOutLeaveNothing() {
        MonthFacts delta = newProject("2023-03-31", "100");
        MonthDays m = new MonthDays().add(31, delta);
        MonthDays undone = m.copy().add(31, new MonthFacts().add(delta, -1));
        assertThat(undone.isEmpty()).isTrue();
        assertThat(m.isEmpty()).isFalse();
    }

    @Test
    void daysAreReadInOrderWithTheirDates() {
        MonthDays m = new MonthDays().add(29, newProject("2024-02-29", "1")).add(1, newProject("2024-02-01", "2"));
        List<LocalDate> dates = new ArrayList<>();
        m.forEachDay(YearMonth.of(2024, 2), (d, f) -> dates.add(d));
        assertThat(dates).containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    }
}
