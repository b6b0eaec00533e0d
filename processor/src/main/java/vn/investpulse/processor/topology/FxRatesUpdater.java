package vn.investpulse.processor.topology;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.store.DirtyMark;
import vn.investpulse.processor.store.SeriesMarks;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.FxRate;

/**
 * Keeps the FX rates (tỷ giá) in the processor's own store and marks every series dirty from the month the rate
 * takes effect: amounts dated from then on may convert differently (a USD rate changes every VND → USD figure).
 * A rate is never deleted — amounts already counted would have nothing to convert at — so a tombstone is refused.
 */
final class FxRatesUpdater implements Processor<String, byte[], String, Checked<SeriesMarks>> {

    /** Key of the mark that means "every series". */
    static final String ALL_SERIES = "*";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Deserializer<FxRate> deserializer;
    private ProcessorContext<String, Checked<SeriesMarks>> context;
    private KeyValueStore<String, BigDecimal> rates;

    FxRatesUpdater(Deserializer<FxRate> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void init(ProcessorContext<String, Checked<SeriesMarks>> context) {
        this.context = context;
        this.rates = context.getStateStore(StoreNames.FX_RATES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (record.value() == null) {
            refuse(record, null, "deleting an FX rate is not supported: amounts already counted convert at it; publish a corrected rate instead",
                    "không hỗ trợ xoá tỷ giá; hãy gửi tỷ giá đã sửa", now);
            return;
        }
        FxRate rate;
        try {
            rate = deserializer.deserialize(context.recordMetadata().map(m -> m.topic()).orElse(null), record.headers(), record.value());
        } catch (RuntimeException e) {
            context.forward(record.withValue(Checked.refused(DeadLetters.undecodable(context.recordMetadata(), record.value(), e, now))));
            return;
        }
        if (rate.getCurrency() == null || !CURRENCY.matcher(rate.getCurrency()).matches() || FxRates.VND.equals(rate.getCurrency())
                || rate.getEffectiveDate() == null || rate.getVndPerUnit() == null || rate.getVndPerUnit().signum() <= 0) {
            refuse(record, rate, "an FX rate needs an ISO 4217 currency other than VND, an effectiveDate and a positive vndPerUnit",
                    "tỷ giá cần mã tiền tệ ISO 4217 (khác VND), ngày hiệu lực và giá trị dương", now);
            return;
        }
        rates.put(FxRates.key(rate.getCurrency(), rate.getEffectiveDate()), rate.getVndPerUnit());
        context.forward(new Record<>(ALL_SERIES, Checked.ok(SeriesMarks.of(ALL_SERIES, DirtyMark.rates(YearMonth.from(rate.getEffectiveDate())))),
                record.timestamp()));
    }

    private void refuse(Record<String, byte[]> record, FxRate rate, String reason, String reasonVi, Instant now) {
        context.forward(record.withValue(Checked.refused(
                DeadLetters.refusedReference(context.recordMetadata(), record.key(), rate, reason, reasonVi, now))));
    }
}
