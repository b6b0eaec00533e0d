package vn.investpulse.ingest.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** What validation needs to know about reference data: which zones exist and which FX rates are in force. */
public interface ReferenceLookup {

    boolean hasZone(String code);

    /** The VND-per-unit rate of a currency in force on a date: the latest rate dated on or before it. */
    Optional<BigDecimal> fxRateOn(String currency, LocalDate date);

    /** The date of the earliest rate known for a currency, to explain a missing rate. */
    Optional<LocalDate> firstFxDate(String currency);
}
