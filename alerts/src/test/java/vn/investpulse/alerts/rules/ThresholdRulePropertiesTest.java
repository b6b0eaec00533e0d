package vn.investpulse.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import vn.investpulse.schemas.AlertState;

/** Over any sequence of progress figures, the threshold rule fires exactly once per upward crossing. */
class ThresholdRulePropertiesTest {

    private final ThresholdRule rule = new ThresholdRule(AlertRules.DEFAULT_THRESHOLDS);

    @Property
    void firesOncePerCrossingAndResolvesOncePerDrop(
            @ForAll @Size(max = 40) List<@BigRange(min = "0", max = "260") @Scale(2) BigDecimal> progress) {
        SortedSet<BigDecimal> firing = new TreeSet<>();
        Map<BigDecimal, AlertState> last = new HashMap<>();
        Map<BigDecimal, Integer> fired = new HashMap<>();
        BigDecimal previous = BigDecimal.ZERO;
        Map<BigDecimal, Integer> upwardCrossings = new HashMap<>();
        for (BigDecimal p : progress) {
            for (BigDecimal t : AlertRules.DEFAULT_THRESHOLDS) {
                if (previous.compareTo(t) < 0 && p.compareTo(t) >= 0) {
                    upwardCrossings.merge(t, 1, Integer::sum);
                }
            }
            List<ThresholdRule.Transition> transitions = rule.evaluate(firing, p);
            for (ThresholdRule.Transition tr : transitions) {
                assertThat(last.get(tr.thresholdPct())).as("no state twice in a row for " + tr.thresholdPct()).isNotEqualTo(tr.state());
                if (last.get(tr.thresholdPct()) == null) {
                    assertThat(tr.state()).as("a threshold starts by firing").isEqualTo(AlertState.FIRING);
                }
                last.put(tr.thresholdPct(), tr.state());
                if (tr.state() == AlertState.FIRING) {
                    fired.merge(tr.thresholdPct(), 1, Integer::sum);
                }
            }
            firing = ThresholdRule.apply(firing, transitions);
            Set<BigDecimal> reached = AlertRules.DEFAULT_THRESHOLDS.stream().filter(t -> p.compareTo(t) >= 0).collect(Collectors.toSet());
            assertThat(firing).containsExactlyInAnyOrderElementsOf(reached);
            assertThat(rule.evaluate(firing, p)).as("the same figure again changes nothing").isEmpty();
            previous = p;
        }
        assertThat(fired).isEqualTo(upwardCrossings);
    }
}
