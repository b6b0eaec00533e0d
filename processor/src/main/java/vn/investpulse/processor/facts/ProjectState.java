package vn.investpulse.processor.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every counted register entry of one project (keyed by certificate number, số GCNĐKĐT). */
public final class ProjectState {

    private final List<ProjectEvent> events;

    public ProjectState(List<ProjectEvent> events) {
        this.events = new ArrayList<>(events);
    }

    public static ProjectState empty() {
        return new ProjectState(List.of());
    }

    /**
     * Counts one more entry in place. For the owner of the project's one instance (the topology's map of projects): a
     * copy per event made each project's list anew, a few objects per event that each young collection copied and
     * that then lay dead in the old generation.
     */
    public void add(ProjectEvent e) {
        events.add(e);
    }

    /** A new project state: these entries and {@code e}. */
    public ProjectState with(ProjectEvent e) {
        ProjectState next = new ProjectState(events);
        next.events.add(e);
        return next;
    }

    /** How many entries were counted: the place of the next one. */
    public int size() {
        return events.size();
    }

    public List<ProjectEvent> events() {
        return Collections.unmodifiableList(events);
    }
}
