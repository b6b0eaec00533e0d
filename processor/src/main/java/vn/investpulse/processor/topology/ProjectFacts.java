package vn.investpulse.processor.topology;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.processor.facts.Contributions;
import vn.investpulse.processor.facts.FactDelta;
import vn.investpulse.processor.facts.ProjectEntry;
import vn.investpulse.processor.facts.ProjectEvent;
import vn.investpulse.processor.facts.ProjectState;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Counts an eventId once, forever, and turns each counted entry into the daily-fact changes of its project.
 *
 * <p>The entries are kept one per eventId in a changelogged store: re-importing last year's file finds every id there and
 * changes nothing (a duplicate is expected, not an error: a log line, not the DLQ). The projects themselves — every
 * entry of a certificate, which its cumulative figures depend on — are objects in memory, grouped from that store
 * whenever the task starts. Keeping a whole project as one stored value meant reading and decoding all its entries
 * and encoding and logging them again for every event, and a second store of the ids: together over a quarter of
 * the stream thread in a replay; now an event costs one lookup and one small logged write.
 */
final class ProjectFacts implements FixedKeyProcessor<String, RegistrationEvent, FactChanges> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectFacts.class);

    private FixedKeyProcessorContext<String, FactChanges> context;
    private KeyValueStore<String, ProjectEntry> entries;
    /** Every project with a counted entry, by certificate number: what the entries store says, as objects. */
    private final Map<String, ProjectState> projects = new HashMap<>();

    @Override
    public void init(FixedKeyProcessorContext<String, FactChanges> context) {
        this.context = context;
        this.entries = context.getStateStore(StoreNames.PROJECT_ENTRIES);
        // init runs again on the same instance when a task is revived after an aborted transaction: the store then
        // holds what was committed, and the projects must be that, not what the aborted transaction left in memory.
        projects.clear();
        projects.putAll(projects(entries));
    }

    /** The projects the stored entries make up. */
    static Map<String, ProjectState> projects(KeyValueStore<String, ProjectEntry> entries) {
        try (KeyValueIterator<String, ProjectEntry> it = entries.all()) {
            return ProjectEntry.projects(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ProjectEntry next() {
                    KeyValue<String, ProjectEntry> kv = it.next();
                    return kv.value;
                }
            });
        }
    }

    @Override
    public void process(FixedKeyRecord<String, RegistrationEvent> record) {
        RegistrationEvent e = record.value();
        String certificateNo = e.getCertificateNo();
        ProjectState project = projects.get(certificateNo);
        ProjectState before = project == null ? ProjectState.empty() : project;
        ProjectEvent entry = ProjectEvent.of(e);
        if (entries.putIfAbsent(e.getEventId(), new ProjectEntry(certificateNo, before.size(), entry)) != null) {
            LOG.debug("Ignoring duplicate event {} of {}", e.getEventId(), certificateNo);
            return;
        }
        List<FactDelta> deltas = Contributions.deltas(before, entry);
        // The changes are computed from the project as it was: only now does it count the entry.
        if (project == null) {
            projects.put(certificateNo, before.with(entry));
        } else {
            project.add(entry);
        }
        context.forward(record.withValue(new FactChanges(deltas, e)));
    }
}
