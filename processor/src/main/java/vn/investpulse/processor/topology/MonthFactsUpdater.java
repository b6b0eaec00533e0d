package vn.investpulse.processor.topology;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.processor.facts.DailyFacts;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.facts.FactDelta;
import vn.investpulse.processor.facts.ProjectEntry;
import vn.investpulse.processor.figures.MonthDays;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.processor.store.ObjectStore;
import vn.investpulse.processor.store.SeriesMarks;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Applies fact deltas to the daily base facts (kept by series and month, {@link MonthDays}; behind the stream thread, see
 * {@link ObjectStore#update}) and marks each touched series — and the ALL series it is part of — dirty with the month
 * that changed, all in one record per event.
 */
final class MonthFactsUpdater implements Processor<String, FactChanges, String, SeriesMarks> {

    private static final Logger LOG = LoggerFactory.getLogger(MonthFactsUpdater.class);

    private ProcessorContext<String, SeriesMarks> context;
    private KeyValueStore<String, MonthDays> facts;
    /** The same store, to update behind the stream thread (see {@link ObjectStore#update}). */
    private ObjectStore<MonthDays> factsBehind;
    /**
     * The series a stored series' changes mark, by series: itself and the ALL series it is part of (ALL is read as
     * FDI + DDI, so it changes with either part; an event has one source, so their months are the same). Kept because
     * about ten series change per event and there are a few thousand series: two texts built per series per event
     * were a visible share of the stream thread.
     */
    private final Map<DimKey, String[]> markNames = new HashMap<>();
    private static final int FIRST_KEPT_YEAR = 1970;
    private static final int LAST_KEPT_YEAR = 2099;
    /** The facts store's month keys by series, year − {@link #FIRST_KEPT_YEAR} and month − 1 (see {@link #monthKey}). */
    private final Map<DimKey, String[][]> monthKeys = new HashMap<>();

    @Override
    public void init(ProcessorContext<String, SeriesMarks> context) {
        this.context = context;
        this.facts = context.getStateStore(StoreNames.FACTS);
        this.factsBehind = ObjectStore.unwrap(facts);
        rebuild(context.getStateStore(StoreNames.PROJECT_ENTRIES));
    }

    /**
     * The facts store is in memory and not logged: about ten fact changes per event made its changelog the largest
     * thing the processor wrote. Facts are a function of the projects, whose entries' store is logged, so every start
     * of the task — a new instance, a restart, a task revived after an aborted transaction — rebuilds them from the
     * entries as restored. The store is cleared first: a resumed task may still hold facts, and they are recomputed all the same.
     */
    private void rebuild(KeyValueStore<String, ProjectEntry> entries) {
        long started = System.nanoTime();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, MonthDays> it = facts.all()) {
            it.forEachRemaining(kv -> stale.add(kv.key));
        }
        stale.forEach(facts::delete);
        Map<String, MonthFacts> rebuilt = DailyFacts.of(ProjectFacts.projects(entries).values().iterator());
        Map<String, MonthDays> months = new HashMap<>();
        rebuilt.forEach((dayKey, f) -> {
            LocalDate date = DimKey.dateOfFactKey(dayKey);
            String monthKey = DimKey.ofFactKey(dayKey).monthKey(YearMonth.from(date));
            months.computeIfAbsent(monthKey, k -> new MonthDays()).add(date.getDayOfMonth(), f);
        });
        months.forEach(facts::put);
        // A scan by the writer first writes what the store holds to the store beneath, which interactive queries read:
        // the rebuilt facts are queryable now, not only after the first commit.
        facts.range("", "").close();
        LOG.info("Daily facts rebuilt from the projects: {} days in {} months in {} ms", rebuilt.size(), months.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The facts store's key of a delta's month, built once per series and month: each of an event's ten or so deltas
     * built its key anew, and the store then hashed the new text twice (its writes since the commit, then the committed
     * map); a kept key keeps its hash. Years 1970–2099 are kept, a year's twelve keys made when first needed.
     */
    private String monthKey(FactDelta d) {
        int year = d.date().getYear();
        if (year < FIRST_KEPT_YEAR || year > LAST_KEPT_YEAR) {
            return d.monthKey();
        }
        String[][] byYear = monthKeys.computeIfAbsent(d.series(), k -> new String[LAST_KEPT_YEAR - FIRST_KEPT_YEAR + 1][]);
        String[] months = byYear[year - FIRST_KEPT_YEAR];
        if (months == null) {
            months = new String[12];
            byYear[year - FIRST_KEPT_YEAR] = months;
        }
        int m = d.date().getMonthValue() - 1;
        if (months[m] == null) {
            months[m] = d.monthKey();
        }
        return months[m];
    }

    private static String[] markNames(DimKey series) {
        return new String[] {series.toString(), series.withSource(IndicatorSource.ALL).toString()};
    }

    @Override
    public void process(Record<String, FactChanges> record) {
        List<FactDelta> deltas = record.value().deltas();
        String[] series = new String[2 * deltas.size()];
        int[] months = new int[series.length];
        int i = 0;
        for (FactDelta d : deltas) {
            // Applied behind the stream thread, in order; the change is never changed after it is made (ProjectFacts).
            int day = d.date().getDayOfMonth();
            MonthFacts change = d.delta();
            factsBehind.update(monthKey(d), current -> {
                // current: the writer's own copy; changing it changes no committed month
                MonthDays next = (current == null ? new MonthDays() : current).add(day, change);
                return next.isEmpty() ? null : next; // e.g. a cumulative change undone by a late row: nothing left
            });
            int month = SeriesMarks.month(d.date());
            String[] names = markNames.computeIfAbsent(d.series(), MonthFactsUpdater::markNames);
            series[i] = names[0];
            months[i++] = month;
            series[i] = names[1];
            months[i++] = month;
        }
        RegistrationEvent cause = record.value().cause();
        Long ingestedAt = cause.getIngestedAt() == null ? null : cause.getIngestedAt().toEpochMilli();
        context.forward(new Record<>(record.key(),
                SeriesMarks.facts(series, months, cause.getEventId(), cause.getCertificateNo(), ingestedAt), record.timestamp()));
    }
}
