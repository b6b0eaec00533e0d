package vn.investpulse.processor.topology;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.StoreFxRates;
import vn.investpulse.processor.store.ParkedRegistration;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Holds back a registration whose amount cannot be converted yet: no USD rate (needed for both reporting currencies) or
 * no rate of its own currency in force on its local date. It waits, in a logged store, for such a rate for up to
 * {@code rateWait} (checked every second on the wall clock), and is passed on when one is loaded; after that it is
 * refused. It happens before de-duplication, so re-sending a refused event once the rate is loaded counts it. A
 * registration refused by an earlier check is passed on as it is.
 *
 * <p>Why wait: the authority task reads registrations and FX rates from different partitions and processes whatever it
 * has buffered ({@code max.task.idle.ms=-1}, see {@code ProcessorConfig}), so a registration may be read before a rate
 * posted just before it. Waiting makes the outcome independent of that order, where Kafka Streams' own ordering by
 * timestamp only covers records already fetchable from the broker — and cost a check of the empty reference partitions
 * per record, about 8 % of a replay's stream thread (issue 9).
 */
final class Placement implements Processor<String, Checked<RegistrationEvent>, String, Checked<RegistrationEvent>> {

    private static final Logger LOG = LoggerFactory.getLogger(Placement.class);
    /** How often waiting registrations are checked again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final Duration rateWait;
    private ProcessorContext<String, Checked<RegistrationEvent>> context;
    private KeyValueStore<String, BigDecimal> rates;
    private KeyValueStore<String, ParkedRegistration> waiting;
    /**
     * Per currency, the earliest date known to have a rate in force. Rates are never deleted, so every later date has
     * one too (its value may be corrected, but only its existence matters here); an earlier date is looked up in the
     * store each time, since an earlier rate may have been loaded since. (A set of known (currency, date) texts was
     * built and hashed for every event, and most dates of a replay were new to it.)
     */
    private final Map<String, LocalDate> inForceFrom = new HashMap<>();

    Placement(Duration rateWait) {
        this.rateWait = rateWait;
    }

    @Override
    public void init(ProcessorContext<String, Checked<RegistrationEvent>> context) {
        this.context = context;
        this.rates = context.getStateStore(StoreNames.FX_RATES);
        this.waiting = context.getStateStore(StoreNames.WAITING_FOR_RATES);
        inForceFrom.clear();
        context.schedule(RECHECK, PunctuationType.WALL_CLOCK_TIME, this::recheck);
    }

    @Override
    public void process(Record<String, Checked<RegistrationEvent>> record) {
        if (!record.value().isOk()) {
            context.forward(record);
            return;
        }
        RegistrationEvent e = record.value().value();
        String missing = missingRate(e);
        if (missing == null) {
            context.forward(record);
            return;
        }
        String origin = DeadLetters.originOf(record.headers());
        if (rateWait.isZero()) {
            context.forward(record.withValue(refusal(e, origin, missing)));
            return;
        }
        LOG.info("Registration {} of {} waits up to {} for an FX rate of {} in force on {}", e.getEventId(), record.key(),
                rateWait, missing, e.getEffectiveDate());
        waiting.put(ParkedRegistration.storeKey(record.key(), origin, record.timestamp()),
                new ParkedRegistration(record.key(), e, origin, record.timestamp(), context.currentSystemTimeMs()));
    }

    /** Passes on the waiting registrations that can be placed now, refuses those whose wait is over. */
    private void recheck(long now) {
        if (waiting.approximateNumEntries() == 0) {
            return;
        }
        List<KeyValue<String, ParkedRegistration>> all = new ArrayList<>();
        try (KeyValueIterator<String, ParkedRegistration> it = waiting.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, ParkedRegistration> kv : all) {
            ParkedRegistration p = kv.value;
            String missing = missingRate(p.event());
            Checked<RegistrationEvent> outcome;
            if (missing == null) {
                outcome = Checked.ok(p.event());
            } else if (now - p.parkedAt() >= rateWait.toMillis()) {
                outcome = refusal(p.event(), p.origin(), missing);
            } else {
                continue;
            }
            waiting.delete(kv.key);
            RecordHeaders headers = new RecordHeaders();
            if (p.origin() != null) {
                headers.add(DeadLetters.ORIGIN_HEADER, p.origin().getBytes(StandardCharsets.UTF_8));
            }
            context.forward(new Record<>(p.key(), outcome, p.timestamp(), headers));
        }
    }

    /** The currency without a rate in force at the registration's date, or null if it can be converted. */
    private String missingRate(RegistrationEvent e) {
        if (e.getEventType() == EventType.TERMINATION) {
            return null;
        }
        LocalDate date = e.getEffectiveDate();
        return !inForce(FxRates.USD, date) ? FxRates.USD : !inForce(e.getCurrency(), date) ? e.getCurrency() : null;
    }

    private Checked<RegistrationEvent> refusal(RegistrationEvent e, String origin, String missing) {
        LocalDate date = e.getEffectiveDate();
        String waited = rateWait.isZero() ? "" : " within " + rateWait;
        String reason = "no FX rate in force for " + missing + " on " + date + waited + " (load a rate with effectiveDate <= "
                + date + " on pulse.ref.fx-rates.v1, then re-send the event)";
        String reasonVi = "không có tỷ giá " + missing + " áp dụng cho ngày " + date;
        return Checked.refused(DeadLetters.refused(e, origin, reason, reasonVi, Instant.ofEpochMilli(context.currentSystemTimeMs())));
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
