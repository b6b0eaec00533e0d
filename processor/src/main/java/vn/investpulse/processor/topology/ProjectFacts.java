package vn.investpulse.processor.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.investpulse.processor.facts.Contributions;
import vn.investpulse.processor.facts.FactDelta;
import vn.investpulse.processor.facts.ProjectEvent;
import vn.investpulse.processor.facts.ProjectState;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.RegistrationEvent;

/** Keeps each project's entries (by certificate number) and turns a new entry into daily-fact deltas. */
final class ProjectFacts implements FixedKeyProcessor<String, RegistrationEvent, FactChanges> {

    private FixedKeyProcessorContext<String, FactChanges> context;
    private KeyValueStore<String, ProjectState> projects;

    @Override
    public void init(FixedKeyProcessorContext<String, FactChanges> context) {
        this.context = context;
        this.projects = context.getStateStore(StoreNames.PROJECTS);
    }

    @Override
    public void process(FixedKeyRecord<String, RegistrationEvent> record) {
        RegistrationEvent e = record.value();
        ProjectState before = projects.get(e.getCertificateNo());
        if (before == null) {
            before = ProjectState.empty();
        }
        ProjectEvent entry = ProjectEvent.of(e);
        List<FactDelta> deltas = Contributions.deltas(before, entry);
        projects.put(e.getCertificateNo(), before.with(entry));
        context.forward(record.withValue(new FactChanges(deltas, e)));
    }
}
