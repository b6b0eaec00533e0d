package vn.investpulse.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.investpulse.schemas.AlertState;

class ThresholdRuleTest {

    private final ThresholdRule rule = new ThresholdRule(AlertRules.DEFAULT_THRESHOLDS);

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    private static ThresholdRule.Transition fire(String t) {
        return new ThresholdRule.Transition(pct(t), AlertState.FIRING);
    }

    private static ThresholdRule.Transition resolve(String t) {
        return new ThresholdRule.Transition(pct(t), AlertState.RESOLVED);
    }

    @Test
    void firesWhenProgressReachesAThresholdExactly() {
        assertThat(rule.evaluate(Set.of(), pct("49.99"))).isEmpty();
        assertThat(rule.evaluate(Set.of(), pct("50.00"))).containsExactly(fire("50.00"));
    }

    @Test
    void aJumpOverSeveralThresholdsFiresThemInAscendingOrder() {
        assertThat(rule.evaluate(Set.of(), pct("160.00")))
                .containsExactly(fire("50.00"), fire("75.00"), fire("100.00"), fire("150.00"));
    }

    @Test
    void theSameProgressAgainChangesNothing() {
        Set<BigDecimal> firing = Set.of(pct("50.00"), pct("75.00"));
        assertThat(rule.evaluate(firing, pct("80.00"))).isEmpty();
        assertThat(rule.evaluate(Set.of(pct("50"), pct("75")), pct("80.00"))).as("100 and 100.00 are one threshold").isEmpty();
    }

    @Test
    void aDropResolvesTopDownAndARiseFiresAgain() {
        Set<BigDecimal> firing = Set.of(pct("50.00"), pct("75.00"), pct("100.00"));
        List<ThresholdRule.Transition> drop = rule.evaluate(firing, pct("60.00"));
        assertThat(drop).containsExactly(resolve("100.00"), resolve("75.00"));
        Set<BigDecimal> after = ThresholdRule.apply(firing, drop);
        assertThat(after).containsExactly(pct("50.00"));
        assertThat(rule.evaluate(after, pct("101.00"))).containsExactly(fire("75.00"), fire("100.00"));
    }

    @Test
    void thresholdsNoLongerConfiguredAreLeftAlone() {
        ThresholdRule fewer = new ThresholdRule(AlertRules.parseThresholds("100"));
        assertThat(fewer.evaluate(Set.of(pct("50.00"), pct("100.00")), pct("10.00"))).containsExactly(resolve("100.00"));
    }
}
