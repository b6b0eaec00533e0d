package vn.investpulse.processor.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * FX rates read from the processor's rate store (keys {@code USD:2023-01-01}, values VND per unit), with
 * lookups memoised for the lifetime of this object: create one per computation so a changed rate is seen.
 *
 * <p>Lookups may run on several threads at once once {@link #loadAll()} has read every rate (the emitter converts
 * series on a helper thread beside the stream thread): the memos are concurrent maps, a day's slot holds an immutable
 * value (written twice at worst, the same), and nothing is read from the store after that.
 */
public final class StoreFxRates implements FxRates {

    private final ReadOnlyKeyValueStore<String, BigDecimal> store;
    /** Keyed by (currency, date), not by the store's text key: building that text per lookup was most of a lookup. */
    private final Map<RateKey, Optional<BigDecimal>> memo = new ConcurrentHashMap<>();
    /** A {@link RatesInForce}, or {@link #NOT_IN_FORCE}: dates outside {@link #inForceByDay}'s days. */
    private final Map<RateKey, Object> inForce = new ConcurrentHashMap<>();
    /**
     * The same by currency, then at the date's day since 1970-01-01 (1970–2059): an emission asks for the place of
     * every amount in every month it reads, and hashing a key per question was most of converting a month.
     */
    private final Map<String, Object[]> inForceByDay = new ConcurrentHashMap<>();
    private static final int DAYS = 1 << 15;
    private static final Object NOT_IN_FORCE = new Object();
    private final Map<RatesInForce, RatesInForce> distinct = new ConcurrentHashMap<>();
    private final Map<String, RateTable> tables = new ConcurrentHashMap<>();
    /** Every currency's rates are in {@link #tables}: a currency without one has no rate (nothing more to read). */
    private volatile boolean allLoaded;

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

    /**
     * Memoised too, and one instance per distinct rates: converting a month looks up the rates of every place an amount
     * is kept (a currency on a day), and grouping the amounts by them then compares the same instances.
     */
    @Override
    public RatesInForce inForce(String currency, LocalDate date) {
        return inForce(currency, date, date.toEpochDay());
    }

    @Override
    public RatesInForce inForce(String currency, LocalDate date, long day) {
        Object found;
        if (day >= 0 && day < DAYS) {
            Object[] days = inForceByDay.get(currency);
            if (days == null) {
                days = inForceByDay.computeIfAbsent(currency, c -> new Object[DAYS]);
            }
            found = days[(int) day];
            if (found == null) {
                found = lookUpInForce(currency, date);
                days[(int) day] = found;
            }
        } else {
            found = inForce.computeIfAbsent(new RateKey(currency, date), k -> lookUpInForce(currency, date));
        }
        return found == NOT_IN_FORCE ? null : (RatesInForce) found;
    }

    private Object lookUpInForce(String currency, LocalDate date) {
        RatesInForce looked = FxRates.super.inForce(currency, date);
        return looked == null ? NOT_IN_FORCE : distinct.computeIfAbsent(looked, r -> r);
    }

    private record RateKey(String currency, LocalDate date) {

        // Written out: the generated ones go through method handles, and an emission looks up thousands of rates.
        @Override
        public boolean equals(Object o) {
            return o instanceof RateKey k && date.equals(k.date) && currency.equals(k.currency);
        }

        @Override
        public int hashCode() {
            return 31 * currency.hashCode() + date.hashCode();
        }
    }

    /**
     * One rate in force, read from the store without memo: for a single question (the check before counting an event),
     * where reading all of a currency's rates would cost more.
     */
    public static Optional<BigDecimal> rateInForce(ReadOnlyKeyValueStore<String, BigDecimal> store, String currency, LocalDate date) {
        if (VND.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        // Keys of one currency sort by ISO date, so the first key at or below "CUR:date" in reverse order is in force.
        try (KeyValueIterator<String, BigDecimal> it = store.reverseRange(currency + ":", FxRates.key(currency, date))) {
            return it.hasNext() ? Optional.of(it.next().value) : Optional.empty();
        }
    }

    private Optional<BigDecimal> lookup(String currency, LocalDate date) {
        RateTable table = tables.get(currency);
        if (table == null) {
            table = allLoaded ? RateTable.NONE : tables.computeIfAbsent(currency, this::load);
        }
        return table.inForce(date);
    }

    /**
     * Reads every currency's rates with one scan of the store, so later lookups read nothing from it and may run on
     * any thread. Returns this.
     */
    public StoreFxRates loadAll() {
        if (allLoaded) {
            return this;
        }
        Map<String, List<KeyValue<LocalDate, BigDecimal>>> byCurrency = new HashMap<>();
        try (KeyValueIterator<String, BigDecimal> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, BigDecimal> kv = it.next();
                int colon = kv.key.indexOf(':');
                if (colon > 0 && kv.value != null) {
                    byCurrency.computeIfAbsent(kv.key.substring(0, colon), c -> new ArrayList<>())
                            .add(KeyValue.pair(LocalDate.parse(kv.key.substring(colon + 1)), kv.value));
                }
            }
        }
        byCurrency.forEach((currency, rates) -> {
            rates.sort((a, b) -> a.key.compareTo(b.key)); // ISO dates: in order already, but the table relies on it
            tables.put(currency, new RateTable(rates.stream().map(r -> r.key).toArray(LocalDate[]::new),
                    rates.stream().map(r -> r.value).toArray(BigDecimal[]::new)));
        });
        allLoaded = true;
        return this;
    }

    /**
     * A currency's rates, read with one range scan: a currency has a few rates (one per change), and an emission asks
     * for thousands of days; a reverse range read of the store per day was ~2 % of a replay's stream thread.
     */
    private RateTable load(String currency) {
        String prefix = currency + ":";
        List<LocalDate> dates = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        // Keys of one currency sort by ISO date ("USD:2023-01-01"); ';' is the character after ':'.
        try (KeyValueIterator<String, BigDecimal> it = store.range(prefix, currency + ";")) {
            while (it.hasNext()) {
                KeyValue<String, BigDecimal> kv = it.next();
                if (kv.key.startsWith(prefix) && kv.value != null) {
                    dates.add(LocalDate.parse(kv.key.substring(prefix.length())));
                    rates.add(kv.value);
                }
            }
        }
        return new RateTable(dates.toArray(LocalDate[]::new), rates.toArray(BigDecimal[]::new));
    }

    /** Rates by effective date, in date order. */
    private record RateTable(LocalDate[] dates, BigDecimal[] rates) {

        static final RateTable NONE = new RateTable(new LocalDate[0], new BigDecimal[0]);

        /** The latest rate with an effective date on or before {@code date}. */
        Optional<BigDecimal> inForce(LocalDate date) {
            int at = Arrays.binarySearch(dates, date);
            int latest = at >= 0 ? at : -at - 2; // not found: insertion point − 1
            return latest < 0 ? Optional.empty() : Optional.of(rates[latest]);
        }
    }
}
