package vn.investpulse.alerts.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import vn.investpulse.schemas.AlertState;

/**
 * The plan-threshold rule, as a pure function of the thresholds already FIRING and the new progress:
 * a threshold fires when progress reaches it and resolves when progress drops below it again. The same
 * progress seen twice yields nothing the second time, which is what makes replays harmless.
 */
public final class ThresholdRule {

    private final List<BigDecimal> thresholds;

    public ThresholdRule(List<BigDecimal> thresholds) {
        this.thresholds = List.copyOf(thresholds);
    }

    /** A threshold changing state. */
    public record Transition(BigDecimal thresholdPct, AlertState state) {
    }

    /**
     * The transitions from {@code firing} to the state {@code progressPct} calls for: resolutions first,
     * highest threshold first (progress falls through them top-down), then firings, lowest first (a jump
     * from 40 % to 160 % fires 50, 75, 100 and 150 in that order). Thresholds no longer configured are left alone.
     */
    public List<Transition> evaluate(Set<BigDecimal> firing, BigDecimal progressPct) {
        List<Transition> transitions = new ArrayList<>();
        thresholds.stream()
                .sorted(Comparator.reverseOrder())
                .filter(t -> contains(firing, t) && progressPct.compareTo(t) < 0)
                .forEach(t -> transitions.add(new Transition(t, AlertState.RESOLVED)));
        thresholds.stream()
                .filter(t -> !contains(firing, t) && progressPct.compareTo(t) >= 0)
                .forEach(t -> transitions.add(new Transition(t, AlertState.FIRING)));
        return transitions;
    }

    /** The thresholds firing after applying {@code transitions} to {@code firing}. */
    public static SortedSet<BigDecimal> apply(Set<BigDecimal> firing, List<Transition> transitions) {
        SortedSet<BigDecimal> next = new TreeSet<>(firing);
        for (Transition t : transitions) {
            if (t.state() == AlertState.FIRING) {
                next.add(t.thresholdPct());
            } else {
                next.removeIf(f -> f.compareTo(t.thresholdPct()) == 0);
            }
        }
        return next;
    }

    /** Membership by numeric value, so 100 and 100.00 are the same threshold. */
    private static boolean contains(Set<BigDecimal> firing, BigDecimal threshold) {
        return firing.stream().anyMatch(f -> f.compareTo(threshold) == 0);
    }
}
