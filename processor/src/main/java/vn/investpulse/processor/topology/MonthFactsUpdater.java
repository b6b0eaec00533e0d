package vn.investpulse.processor.topology;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.processor.store.DirtyMark;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.RegistrationEvent;

/** Applies month-fact deltas to the base facts and marks each touched series dirty from its earliest changed month. */
final class MonthFactsUpdater implements Processor<String, FactChanges, String, DirtyMark> {

    private ProcessorContext<String, DirtyMark> context;
    private KeyValueStore<String, MonthFacts> facts;

    @Override
    public void init(ProcessorContext<String, DirtyMark> context) {
        this.context = context;
        this.facts = context.getStateStore(StoreNames.MONTH_FACTS);
    }

    @Override
    public void process(Record<String, FactChanges> record) {
        Map<String, YearMonth> earliest = new HashMap<>();
        record.value().deltas().forEach((factKey, delta) -> {
            MonthFacts current = facts.get(factKey);
            facts.put(factKey, current == null ? delta : current.add(delta));
            YearMonth month = DimKey.monthOfFactKey(factKey);
            earliest.merge(DimKey.ofFactKey(factKey).toString(), month, (a, b) -> a.isBefore(b) ? a : b);
        });
        RegistrationEvent cause = record.value().cause();
        Long ingestedAt = cause.getIngestedAt() == null ? null : cause.getIngestedAt().toEpochMilli();
        earliest.forEach((series, month) -> context.forward(new Record<>(series,
                new DirtyMark(month, cause.getEventId(), cause.getCertificateNo(), ingestedAt), record.timestamp())));
    }
}
