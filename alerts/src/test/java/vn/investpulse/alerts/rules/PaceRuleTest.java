package vn.investpulse.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import vn.investpulse.schemas.AlertState;

class PaceRuleTest {

    private final PaceRule rule = new PaceRule(new BigDecimal("0.8"));

    @Test
    void expectedProgressIsTheFactorTimesTheElapsedShareOfTheYear() {
        assertThat(rule.expectedPct(YearMonth.of(2026, 3))).isEqualByComparingTo("20.00");
        assertThat(rule.expectedPct(YearMonth.of(2026, 1))).isEqualTo(new BigDecimal("6.67"));
        assertThat(rule.expectedPct(YearMonth.of(2026, 12))).isEqualTo(new BigDecimal("80.00"));
    }

    @Test
    void monthEndsAreThoseOfHaiPhongNotUtc() {
        // 31 March 17:00 UTC is already 1 April 00:00 in Hai Phong: March has ended.
        assertThat(PaceRule.lastCompletedMonth(Instant.parse("2026-03-31T17:00:00Z"))).isEqualTo(YearMonth.of(2026, 3));
        // 31 March 16:59:59 UTC is still 31 March there: February is the last month ended.
        assertThat(PaceRule.lastCompletedMonth(Instant.parse("2026-03-31T16:59:59Z"))).isEqualTo(YearMonth.of(2026, 2));
        // New Year's Eve 17:00 UTC: December of the old year has ended.
        assertThat(PaceRule.lastCompletedMonth(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void tenPointSixPercentAtTheEndOfMarchIsBehind() {
        assertThat(PaceRule.atMonthEnd(false, new BigDecimal("10.60"), new BigDecimal("20.00"))).contains(AlertState.FIRING);
        assertThat(PaceRule.atMonthEnd(true, new BigDecimal("10.60"), new BigDecimal("20.00"))).isEmpty();
        assertThat(PaceRule.atMonthEnd(true, new BigDecimal("20.00"), new BigDecimal("20.00"))).contains(AlertState.RESOLVED);
        assertThat(PaceRule.atMonthEnd(false, new BigDecimal("20.00"), new BigDecimal("20.00"))).isEmpty();
    }

    @Test
    void betweenMonthEndsOnlyRecoveryCounts() {
        assertThat(PaceRule.recovered(true, new BigDecimal("20.01"), new BigDecimal("20.00"))).isTrue();
        assertThat(PaceRule.recovered(true, new BigDecimal("19.99"), new BigDecimal("20.00"))).isFalse();
        assertThat(PaceRule.recovered(false, new BigDecimal("1.00"), new BigDecimal("20.00"))).isFalse();
    }
}
