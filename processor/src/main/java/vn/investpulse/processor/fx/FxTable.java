package vn.investpulse.processor.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** FX rates held in memory: for tests, and as a snapshot for one computation. */
public final class FxTable implements FxRates {

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    public FxTable put(String currency, LocalDate effectiveDate, BigDecimal vndPerUnit) {
        rates.computeIfAbsent(currency, c -> new TreeMap<>()).put(effectiveDate, vndPerUnit);
        return this;
    }

    public FxTable put(String currency, LocalDate effectiveDate, String vndPerUnit) {
        return put(currency, effectiveDate, new BigDecimal(vndPerUnit));
    }

    @Override
    public Optional<BigDecimal> vndPerUnit(String currency, LocalDate date) {
        if (VND.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(currency);
        if (byDate == null) {
            return Optional.empty();
        }
        Entry<LocalDate, BigDecimal> e = byDate.floorEntry(date);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }
}
