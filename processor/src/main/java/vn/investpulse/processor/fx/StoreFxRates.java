package vn.investpulse.processor.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * FX rates read from the processor's rate store (keys {@code USD:2023-01-01}, values VND per unit), with
 * lookups memoised for the lifetime of this object: create one per computation so a changed rate is seen.
 */
public final class StoreFxRates implements FxRates {

    private final ReadOnlyKeyValueStore<String, BigDecimal> store;
    /** Keyed by (currency, date), not by the store's text key: building that text per lookup was most of a lookup. */
    private final Map<RateKey, Optional<BigDecimal>> memo = new HashMap<>();

    public StoreFxRates(ReadOnlyKeyValueStore<String, BigDecimal> store) {
        this.store = store;
    }

    @Override
    public Optional<BigDecimal> vndPerUnit(String currency, LocalDate date) {
        if (VND.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return memo.computeIfAbsent(new RateKey(currency, date), k -> lookup(currency, date));
    }

    private record RateKey(String currency, LocalDate date) {
    }

    private Optional<BigDecimal> lookup(String currency, LocalDate date) {
        // Keys of one currency sort by ISO date, so the first key at or below "CUR:date" in reverse order is in force.
        try (KeyValueIterator<String, BigDecimal> it = store.reverseRange(currency + ":", FxRates.key(currency, date))) {
            return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
        }
    }
}
