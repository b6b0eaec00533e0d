package vn.investpulse.processor.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.investpulse.schemas.PeriodKind;

class PeriodIdTest {

    @Test
    void parsesAndFormatsTheThreeKinds() {
        assertThat(PeriodId.parse("2023-12")).isEqualTo(PeriodId.month(2023, 12));
        assertThat(PeriodId.parse("2023-Q4")).isEqualTo(PeriodId.quarter(2023, 4));
        assertThat(PeriodId.parse("2023")).isEqualTo(PeriodId.year(2023));
        assertThat(PeriodId.month(2024, 2)).hasToString("2024-02");
        assertThat(PeriodId.quarter(2024, 1)).hasToString("2024-Q1");
        assertThat(PeriodId.year(2024)).hasToString("2024");
    }

    @Test
    void refusesMalformedPeriodsWithAReason() {
        assertThatThrownBy(() -> PeriodId.parse("2023-13")).hasMessageContaining("month must be 01 to 12");
        assertThatThrownBy(() -> PeriodId.parse("2023-Q5")).hasMessageContaining("not a period");
        assertThatThrownBy(() -> PeriodId.parse("last year")).hasMessageContaining("not a period");
        assertThatThrownBy(() -> PeriodId.parse("2023", PeriodKind.MONTH)).hasMessageContaining("not a month");
    }

    @Test
    void startAndEndAreInclusiveLocalDates() {
        assertThat(PeriodId.month(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PeriodId.quarter(2023, 4).start()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(PeriodId.quarter(2023, 4).end()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(PeriodId.year(2023).start()).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void aDateBelongsToItsMonthQuarterAndYear() {
        assertThat(PeriodId.containing(LocalDate.of(2023, 12, 31)))
                .containsExactly(PeriodId.month(2023, 12), PeriodId.quarter(2023, 4), PeriodId.year(2023));
        assertThat(PeriodId.containing(LocalDate.of(2024, 4, 1)))
                .containsExactly(PeriodId.month(2024, 4), PeriodId.quarter(2024, 2), PeriodId.year(2024));
    }

    @Test
    void instantsAreReadInHaiPhongTimeNotTheJvmZone() {
        // The tests run with -Duser.timezone=America/New_York on purpose.
        assertThat(PeriodId.localDate(Instant.parse("2023-12-31T17:10:00Z"))).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(PeriodId.localDate(Instant.parse("2023-12-31T16:59:59Z"))).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(PeriodId.localDate(Instant.parse("2024-01-01T00:30:00+07:00"))).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void sameTimeLastYearAndNext() {
        assertThat(PeriodId.quarter(2024, 1).yearEarlier()).isEqualTo(PeriodId.quarter(2023, 1));
        assertThat(PeriodId.month(2023, 12).next()).isEqualTo(PeriodId.month(2024, 1));
        assertThat(PeriodId.quarter(2023, 4).next()).isEqualTo(PeriodId.quarter(2024, 1));
    }
}
