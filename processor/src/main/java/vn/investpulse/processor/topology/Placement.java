package vn.investpulse.processor.topology;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.StoreFxRates;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Refuses a registration whose amount cannot be converted: no USD rate (needed for both reporting currencies)
 * or no rate of its own currency in force on its local date. It happens before de-duplication, so re-sending
 * the event once the rate is loaded counts it. A registration refused by an earlier check is passed on as it is.
 */
final class Placement implements FixedKeyProcessor<String, Checked<RegistrationEvent>, Checked<RegistrationEvent>> {

    private FixedKeyProcessorContext<String, Checked<RegistrationEvent>> context;
    private KeyValueStore<String, BigDecimal> rates;
    /**
     * Per currency, the earliest date known to have a rate in force. Rates are never deleted, so every later date has
     * one too (its value may be corrected, but only its existence matters here); an earlier date is looked up in the
     * store each time, since an earlier rate may have been loaded since. (A set of known (currency, date) texts was
     * built and hashed for every event, and most dates of a replay were new to it.)
     */
    private final Map<String, LocalDate> inForceFrom = new HashMap<>();

    @Override
    public void init(FixedKeyProcessorContext<String, Checked<RegistrationEvent>> context) {
        this.context = context;
        this.rates = context.getStateStore(StoreNames.FX_RATES);
        inForceFrom.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, Checked<RegistrationEvent>> record) {
        if (!record.value().isOk()) {
            context.forward(record);
            return;
        }
        RegistrationEvent e = record.value().value();
        if (e.getEventType() == EventType.TERMINATION) {
            context.forward(record);
            return;
        }
        LocalDate date = e.getEffectiveDate();
        String missing = !inForce(FxRates.USD, date) ? FxRates.USD : !inForce(e.getCurrency(), date) ? e.getCurrency() : null;
        if (missing == null) {
            context.forward(record);
            return;
        }
        String reason = "no FX rate in force for " + missing + " on " + date + " (load a rate with effectiveDate <= "
                + date + " on pulse.ref.fx-rates.v1, then re-send the event)";
        String reasonVi = "không có tỷ giá " + missing + " áp dụng cho ngày " + date;
        context.forward(record.withValue(Checked.refused(DeadLetters.refused(e, DeadLetters.originOf(record.headers()),
                reason, reasonVi, Instant.ofEpochMilli(context.currentSystemTimeMs())))));
    }

    private boolean inForce(String currency, LocalDate date) {
        if (FxRates.VND.equals(currency)) {
            return true;
        }
        LocalDate from = inForceFrom.get(currency);
        if (from != null && !date.isBefore(from)) {
            return true;
        }
        boolean found = StoreFxRates.rateInForce(rates, currency, date).isPresent();
        if (found) {
            inForceFrom.put(currency, date);
        }
        return found;
    }
}
