package vn.investpulse.processor.facts;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import vn.investpulse.processor.figures.MonthFacts;

/**
 * The daily base facts as a function of the projects: every entry's period facts plus every project's cumulative
 * contribution. The topology applies the same thing incrementally ({@link Contributions#changes}); this is the whole
 * sum at once, which is how a starting task rebuilds its facts store from the (changelogged) projects store instead
 * of logging about ten fact changes per event.
 */
public final class DailyFacts {

    private DailyFacts() {
    }

    /** Facts by fact key ({@code SOURCE|DIMENSION|VALUE|yyyy-MM-dd}); empty facts are left out, as the store does. */
    public static Map<String, MonthFacts> of(Iterator<ProjectState> projects) {
        Map<String, MonthFacts> out = new HashMap<>();
        while (projects.hasNext()) {
            ProjectState project = projects.next();
            for (ProjectEvent e : project.events()) {
                addAll(out, Contributions.period(e));
            }
            addAll(out, Contributions.cumulative(project));
        }
        out.values().removeIf(MonthFacts::isEmpty);
        return out;
    }

    private static void addAll(Map<String, MonthFacts> into, Map<String, MonthFacts> facts) {
        facts.forEach((key, f) -> {
            MonthFacts current = into.get(key);
            if (current == null) {
                into.put(key, f);
            } else {
                current.add(f);
            }
        });
    }
}
