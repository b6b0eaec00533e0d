package vn.investpulse.processor.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * What the processor keeps of one register entry of a project (dự án): enough to recompute the project's
 * contribution to every figure.
 *
 * @param amount null for TERMINATION; for CAPITAL_DECREASE the size of the reduction (positive)
 */
public record ProjectEvent(String eventId, EventType type, CapitalSource source, String zone, String sector,
                           String country, LocalDate date, String currency, BigDecimal amount) {

    public ProjectEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        // Every counted entry stays in memory (its project's cumulative figures need it): after a 1,000,000-event replay
        // four texts per entry that a few dozen values repeat, and an amount holding the BigInteger it was decoded as
        // though it fits a long, were about a quarter of the heap. The same values, shared and compact:
        zone = Names.shared(zone);
        sector = Names.shared(sector);
        country = Names.shared(country);
        currency = Names.shared(currency);
        amount = compact(amount);
    }

    /** The same amount without a BigInteger behind it when its unscaled value fits a long (equal, same scale). */
    static BigDecimal compact(BigDecimal amount) {
        if (amount == null || amount.precision() > 18) {
            return amount;
        }
        return BigDecimal.valueOf(amount.unscaledValue().longValue(), amount.scale());
    }

    public static ProjectEvent of(RegistrationEvent e) {
        return new ProjectEvent(e.getEventId(), e.getEventType(), e.getCapitalSource(), e.getZoneCode(),
                e.getSectorCode(), e.getInvestorCountry(), e.getEffectiveDate(),
                e.getEventType() == EventType.TERMINATION ? null : e.getCurrency(),
                e.getEventType() == EventType.TERMINATION ? null : e.getAmount());
    }

    /** Registered capital of this entry, signed: a decrease is negative, a termination has none. */
    public BigDecimal signedAmount() {
        return switch (type) {
            case TERMINATION -> BigDecimal.ZERO;
            case CAPITAL_DECREASE -> amount.negate();
            default -> amount;
        };
    }

    /** VSIC section letter of the division, e.g. C for C26. */
    public String section() {
        return sector.substring(0, 1);
    }

    /**
     * The five stored series this entry counts in: its own source by total, zone, sector, section and country. The
     * ALL series (FDI + DDI) are not stored: {@code SeriesStores} sums their two parts when it reads them, which halves
     * the facts an event writes.
     */
    public List<DimKey> series() {
        IndicatorSource s = IndicatorSource.valueOf(source.name());
        return List.of(DimKey.total(s), new DimKey(s, Dimension.ZONE, zone), new DimKey(s, Dimension.SECTOR, sector),
                new DimKey(s, Dimension.SECTION, section()), new DimKey(s, Dimension.COUNTRY, country));
    }
}
