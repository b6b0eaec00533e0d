package vn.investpulse.processor.topology;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.processor.store.DirtyMark;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Applies fact deltas to the daily base facts and marks each touched series — and the ALL series it is part of — dirty
 * with the months that changed.
 */
final class MonthFactsUpdater implements Processor<String, FactChanges, String, DirtyMark> {

    private ProcessorContext<String, DirtyMark> context;
    private KeyValueStore<String, MonthFacts> facts;

    @Override
    public void init(ProcessorContext<String, DirtyMark> context) {
        this.context = context;
        this.facts = context.getStateStore(StoreNames.FACTS);
    }

    @Override
    public void process(Record<String, FactChanges> record) {
        Map<String, SortedSet<YearMonth>> changed = new HashMap<>();
        record.value().deltas().forEach((factKey, delta) -> {
            MonthFacts current = facts.get(factKey);
            MonthFacts next = current == null ? delta : current.add(delta);
            if (next.isEmpty()) {
                facts.delete(factKey); // e.g. a cumulative change undone by a late row: nothing left on that day
            } else {
                facts.put(factKey, next);
            }
            DimKey series = DimKey.ofFactKey(factKey);
            YearMonth month = DimKey.monthOfFactKey(factKey);
            changed.computeIfAbsent(series.toString(), k -> new TreeSet<>()).add(month);
            // The ALL series is read as FDI + DDI: it changes with either part.
            changed.computeIfAbsent(series.withSource(IndicatorSource.ALL).toString(), k -> new TreeSet<>()).add(month);
        });
        RegistrationEvent cause = record.value().cause();
        Long ingestedAt = cause.getIngestedAt() == null ? null : cause.getIngestedAt().toEpochMilli();
        changed.forEach((series, months) -> context.forward(new Record<>(series,
                DirtyMark.facts(months, cause.getEventId(), cause.getCertificateNo(), ingestedAt), record.timestamp())));
    }
}
