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
