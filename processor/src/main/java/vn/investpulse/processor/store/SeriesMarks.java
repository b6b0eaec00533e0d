package vn.investpulse.processor.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The dirty marks one input record causes, by series key. An event touches ten series (five stored ones and the ALL
 * series each is part of): they travel to the emitter as one record, not ten, because each forwarded record costs a
 * trip through the processor graph — once the largest share of the stream thread after the stores.
 */
public record SeriesMarks(List<Map.Entry<String, DirtyMark>> marks) {

    public SeriesMarks {
        marks = Collections.unmodifiableList(new ArrayList<>(marks));
    }

    public static SeriesMarks of(String series, DirtyMark mark) {
        return new SeriesMarks(List.of(Map.entry(series, mark)));
    }
}
