package vn.investpulse.ingest.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Zone;

/**
 * Zones and FX rates held in memory, safe to read while a consumer thread updates them. Filled by
 * {@link ReferenceData} from the compacted topics; tests fill it directly with the bundled defaults.
 */
public final class ReferenceCatalog implements ReferenceLookup {

    private final Map<String, Zone> zones = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<LocalDate, BigDecimal>> fxRates = new ConcurrentHashMap<>();

    public void putZone(Zone zone) {
        zones.put(zone.getCode(), zone);
    }

    public void removeZone(String code) {
        zones.remove(code);
    }

    public void putFxRate(FxRate rate) {
        fxRates.computeIfAbsent(rate.getCurrency(), c -> new ConcurrentSkipListMap<>())
                .put(rate.getEffectiveDate(), rate.getVndPerUnit());
    }

    /** A tombstone on the FX topic: its key is {@code CURRENCY:yyyy-MM-dd}. */
    public void removeFxRate(String key) {
        String[] parts = key.split(":", 2);
        if (parts.length == 2) {
            var rates = fxRates.get(parts[0]);
            if (rates != null) {
                try {
                    rates.remove(LocalDate.parse(parts[1]));
                } catch (java.time.format.DateTimeParseException ignored) {
                    // not one of our keys: nothing of ours to remove
                }
            }
        }
    }

    @Override
    public boolean hasZone(String code) {
        return zones.containsKey(code);
    }

    @Override
    public Optional<BigDecimal> fxRateOn(String currency, LocalDate date) {
        var rates = fxRates.get(currency);
        if (rates == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(rates.floorEntry(date)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<LocalDate> firstFxDate(String currency) {
        var rates = fxRates.get(currency);
        return rates == null || rates.isEmpty() ? Optional.empty() : Optional.of(rates.firstKey());
    }

    public Optional<Zone> zone(String code) {
        return Optional.ofNullable(zones.get(code));
    }

    public Set<String> zoneCodes() {
        return new TreeSet<>(zones.keySet());
    }

    public Set<String> currencies() {
        return new TreeSet<>(fxRates.keySet());
    }

    public int zoneCount() {
        return zones.size();
    }

    public int fxRateCount() {
        return fxRates.values().stream().mapToInt(Map::size).sum();
    }
}
