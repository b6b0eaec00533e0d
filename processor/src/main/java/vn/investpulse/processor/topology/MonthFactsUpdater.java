package vn.investpulse.processor.topology;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import vn.investpulse.processor.store.SeriesMarks;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Applies fact deltas to the daily base facts and marks each touched series — and the ALL series it is part of — dirty
 * with the months that changed, all in one record per event.
 */
final class MonthFactsUpdater implements Processor<String, FactChanges, String, SeriesMarks> {

    private ProcessorContext<String, SeriesMarks> context;
    private KeyValueStore<String, MonthFacts> facts;

    @Override
    public void init(ProcessorContext<String, SeriesMarks> context) {
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
            changed.computeIfAbsent(DimKey.seriesKeyOfFactKey(factKey), k -> new TreeSet<>()).add(DimKey.monthOfFactKey(factKey));
        });
        RegistrationEvent cause = record.value().cause();
        Long ingestedAt = cause.getIngestedAt() == null ? null : cause.getIngestedAt().toEpochMilli();
        List<Map.Entry<String, DirtyMark>> marks = new ArrayList<>(2 * changed.size());
        changed.forEach((series, months) -> {
            DirtyMark mark = DirtyMark.facts(months, cause.getEventId(), cause.getCertificateNo(), ingestedAt);
            marks.add(Map.entry(series, mark));
            // The ALL series is read as FDI + DDI: it changes with either part. An event has one source, so the months
            // of a stored series are exactly those of its ALL series.
            marks.add(Map.entry(DimKey.seriesKeyWithSource(series, IndicatorSource.ALL), mark));
        });
        context.forward(new Record<>(record.key(), new SeriesMarks(marks), record.timestamp()));
    }
}
