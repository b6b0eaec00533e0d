package vn.investpulse.processor.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One counted register entry as the processor stores it, under its eventId: the project it belongs to (certificate
 * number), its place among that project's entries, and what the figures need of it. The store of these is both the
 * record of every counted eventId (a duplicate finds its id there) and the projects' history: a starting task groups
 * the entries by project, in their places, to get each project back ({@link #projects}).
 *
 * @param place 0 for a project's first counted entry, 1 for its second, ... — arrival order decides ties (the first of
 *              two NEW entries of the same date registers the project), and a hash store gives its entries in no order
 */
public record ProjectEntry(String certificateNo, int place, ProjectEvent event) {

    public ProjectEntry {
        Objects.requireNonNull(certificateNo, "certificateNo");
        Objects.requireNonNull(event, "event");
    }

    /** The projects these entries make up, by certificate number, each project's entries in their places. */
    public static Map<String, ProjectState> projects(Iterator<ProjectEntry> entries) {
        Map<String, List<ProjectEntry>> byProject = new HashMap<>();
        while (entries.hasNext()) {
            ProjectEntry e = entries.next();
            byProject.computeIfAbsent(e.certificateNo(), k -> new ArrayList<>(4)).add(e);
        }
        Map<String, ProjectState> out = new HashMap<>(Math.max(16, byProject.size() * 2));
        byProject.forEach((cert, list) -> {
            list.sort(Comparator.comparingInt(ProjectEntry::place));
            List<ProjectEvent> events = new ArrayList<>(list.size());
            for (ProjectEntry e : list) {
                events.add(e.event());
            }
            out.put(cert, new ProjectState(events));
        });
        return out;
    }
}
