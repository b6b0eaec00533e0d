package vn.investpulse.processor.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

class StoreFxRatesTest {

    private final NavigableMap<String, BigDecimal> rates = new TreeMap<>(Map.of(
            FxRates.key("USD", LocalDate.parse("1969-12-01")), new BigDecimal("20000"),
            FxRates.key("USD", LocalDate.parse("2000-01-01")), new BigDecimal("15000"),
            FxRates.key("USD", LocalDate.parse("2100-01-01")), new BigDecimal("30000"),
            FxRates.key("JPY", LocalDate.parse("2023-01-01")), new BigDecimal("180")));
    private final StoreFxRates fx = new StoreFxRates(new MapStore(rates));

    @Test
    void theRatesInForceOnADayInsideAndOutsideTheDaysKeptByIndex() {
        assertThat(fx.inForce("USD", LocalDate.parse("1969-12-31")).rate()).isEqualByComparingTo("20000"); // before 1970
        assertThat(fx.inForce("USD", LocalDate.parse("1970-01-01")).rate()).isEqualByComparingTo("20000");
        assertThat(fx.inForce("USD", LocalDate.parse("2023-05-05")).rate()).isEqualByComparingTo("15000");
        assertThat(fx.inForce("USD", LocalDate.parse("2100-06-01")).rate()).isEqualByComparingTo("30000"); // after 2059
        assertThat(fx.inForce("USD", LocalDate.parse("1969-11-30"))).isNull();
        assertThat(fx.inForce("JPY", LocalDate.parse("2022-12-31"))).isNull();
        RatesInForce yen = fx.inForce("JPY", LocalDate.parse("2023-05-05"));
        assertThat(yen.rate()).isEqualByComparingTo("180");
        assertThat(yen.usdRate()).isEqualByComparingTo("15000");
        // Asked again, and for another day with the same rates: the same instance (amounts group by it).
        assertThat(fx.inForce("JPY", LocalDate.parse("2023-05-05"))).isSameAs(yen);
        assertThat(fx.inForce("JPY", LocalDate.parse("2024-01-01"))).isSameAs(yen);
    }

    @Test
    void aCurrencysRatesAreReadOnceAndEachDayGetsTheLatestOnOrBeforeIt() {
        rates.put(FxRates.key("USD", LocalDate.parse("2000-06-15")), new BigDecimal("15500"));
        rates.put(FxRates.key("USDT", LocalDate.parse("1999-01-01")), new BigDecimal("1")); // another currency's keys
        StoreFxRates fresh = new StoreFxRates(new MapStore(rates));

        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("1969-11-30"))).isEmpty();
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("1969-12-01"))).contains(new BigDecimal("20000"));
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("1999-12-31"))).contains(new BigDecimal("20000"));
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("2000-01-01"))).contains(new BigDecimal("15000"));
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("2000-06-14"))).contains(new BigDecimal("15000"));
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("2000-06-15"))).contains(new BigDecimal("15500"));
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("2099-12-31"))).contains(new BigDecimal("15500"));
        assertThat(fresh.vndPerUnit("USD", LocalDate.parse("2100-01-01"))).contains(new BigDecimal("30000"));
        assertThat(fresh.vndPerUnit("EUR", LocalDate.parse("2023-01-01"))).isEmpty();
        assertThat(fresh.vndPerUnit("VND", LocalDate.parse("1900-01-01"))).contains(BigDecimal.ONE);
        // The single-question read agrees.
        assertThat(StoreFxRates.rateInForce(new MapStore(rates), "USD", LocalDate.parse("2000-06-14"))).contains(new BigDecimal("15000"));
        assertThat(StoreFxRates.rateInForce(new MapStore(rates), "USD", LocalDate.parse("1969-11-30"))).isEmpty();
    }

    @Test
    void loadedOnceEveryLookupIsAnsweredWithoutTheStoreOnAnyThread() throws Exception {
        rates.put(FxRates.key("USD", LocalDate.parse("2000-06-15")), new BigDecimal("15500"));
        rates.put(FxRates.key("USDT", LocalDate.parse("1999-01-01")), new BigDecimal("1"));
        NavigableMap<String, BigDecimal> readable = new TreeMap<>(rates);
        StoreFxRates loaded = new StoreFxRates(new MapStore(readable)).loadAll();
        readable.clear(); // anything read from the store now would find nothing

        assertThat(loaded.vndPerUnit("USD", LocalDate.parse("2000-06-14"))).contains(new BigDecimal("15000"));
        assertThat(loaded.vndPerUnit("USD", LocalDate.parse("2000-06-15"))).contains(new BigDecimal("15500"));
        assertThat(loaded.vndPerUnit("USDT", LocalDate.parse("1999-01-01"))).contains(new BigDecimal("1"));
        assertThat(loaded.vndPerUnit("JPY", LocalDate.parse("2023-01-01"))).contains(new BigDecimal("180"));
        assertThat(loaded.vndPerUnit("EUR", LocalDate.parse("2023-01-01"))).isEmpty(); // no rate, nothing more to read
        assertThat(loaded.inForce("JPY", LocalDate.parse("2022-12-31"))).isNull();

        // Two threads asking for the same days (as the emitter and its helper do) get the same rates.
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            LocalDate from = LocalDate.parse("1990-01-01");
            java.util.concurrent.Future<java.util.List<RatesInForce>> there = other.submit(() -> days(loaded, from));
            java.util.List<RatesInForce> here = days(loaded, from);
            java.util.List<RatesInForce> fromThere = there.get();
            assertThat(fromThere).hasSameSizeAs(here);
            for (int i = 0; i < here.size(); i++) {
                assertThat(fromThere.get(i)).isEqualTo(here.get(i));
            }
            assertThat(here.get(0)).isNull(); // JPY before its first rate
            assertThat(here.get(here.size() - 1).rate()).isEqualByComparingTo("180");
        } finally {
            other.shutdownNow();
        }
    }

    private static java.util.List<RatesInForce> days(StoreFxRates fx, LocalDate from) {
        java.util.List<RatesInForce> out = new java.util.ArrayList<>();
        for (LocalDate d = from; d.getYear() < 2030; d = d.plusDays(1)) {
            out.add(fx.inForce("JPY", d, d.toEpochDay()));
        }
        return out;
    }

    /** The rate store's reads StoreFxRates uses, over a sorted map. */
    private record MapStore(NavigableMap<String, BigDecimal> map) implements ReadOnlyKeyValueStore<String, BigDecimal> {
        @Override
        public BigDecimal get(String key) {
            return map.get(key);
        }

        @Override
        public KeyValueIterator<String, BigDecimal> range(String from, String to) {
            return iterator(map.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, BigDecimal> reverseRange(String from, String to) {
            return iterator(map.subMap(from, true, to, true).descendingMap());
        }

        @Override
        public KeyValueIterator<String, BigDecimal> all() {
            return iterator(map);
        }

        @Override
        public long approximateNumEntries() {
            return map.size();
        }

        private static KeyValueIterator<String, BigDecimal> iterator(NavigableMap<String, BigDecimal> entries) {
            Iterator<Map.Entry<String, BigDecimal>> it = entries.entrySet().iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, BigDecimal> next() {
                    Map.Entry<String, BigDecimal> e = it.next();
                    return KeyValue.pair(e.getKey(), e.getValue());
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
