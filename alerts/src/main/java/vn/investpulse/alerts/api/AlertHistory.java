package vn.investpulse.alerts.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import vn.investpulse.schemas.Alert;

/**
 * Every alert record ever written to {@code pulse.alerts.v1} (FIRING and RESOLVED alike), in memory, for the
 * query API. Alerts are few — a handful of thresholds per source, zone and year, and at most twelve pace
 * checks a year — so each instance keeps the whole history, read from the topic at startup, and can answer
 * any query without routing to another instance.
 */
public final class AlertHistory {

    /** An alert with where it sits on the topic, which breaks ties between alerts of the same instant. */
    public record Entry(Alert alert, int partition, long offset) {
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> e.alert().getProcessedAt()).reversed()
            .thenComparing(Comparator.comparingLong(Entry::offset).reversed());

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(Entry entry) {
        entries.add(entry);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The alerts matching {@code filter}, newest first (by processing time, then topic order), at most {@code limit}. */
    public synchronized List<Alert> query(Predicate<Alert> filter, int limit) {
        return entries.stream()
                .filter(e -> filter.test(e.alert()))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .map(Entry::alert)
                .toList();
    }
}
