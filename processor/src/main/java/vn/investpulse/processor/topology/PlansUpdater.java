package vn.investpulse.processor.topology;

import java.time.Instant;
import java.time.YearMonth;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.Plan;
import vn.investpulse.processor.store.DirtyMark;
import vn.investpulse.processor.store.SeriesMarks;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PlanTarget;

/**
 * Keeps the annual plans (kế hoạch) and marks the series measured against one dirty from January of its year:
 * a revised plan changes that year's % of plan. A tombstone withdraws a plan.
 */
final class PlansUpdater implements Processor<String, byte[], String, Checked<SeriesMarks>> {

    private final Deserializer<PlanTarget> deserializer;
    private ProcessorContext<String, Checked<SeriesMarks>> context;
    private KeyValueStore<String, Plan> plans;

    PlansUpdater(Deserializer<PlanTarget> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void init(ProcessorContext<String, Checked<SeriesMarks>> context) {
        this.context = context;
        this.plans = context.getStateStore(StoreNames.PLANS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (record.value() == null) {
            withdraw(record, now);
            return;
        }
        PlanTarget plan;
        try {
            plan = deserializer.deserialize(context.recordMetadata().map(m -> m.topic()).orElse(null), record.headers(), record.value());
        } catch (RuntimeException e) {
            context.forward(record.withValue(Checked.refused(DeadLetters.undecodable(context.recordMetadata(), record.value(), e, now))));
            return;
        }
        String zone = plan.getZoneCode() == null || plan.getZoneCode().isBlank() ? null : plan.getZoneCode();
        if (plan.getCapitalSource() == null || plan.getAmount() == null || plan.getAmount().signum() <= 0
                || !("USD".equals(plan.getCurrency()) || "VND".equals(plan.getCurrency()))
                || (zone != null && zone.indexOf('|') >= 0)) {
            refuse(record, plan, "a plan needs a capital source, a positive amount and currency USD or VND",
                    "kế hoạch cần nguồn vốn, số tiền dương và đơn vị USD hoặc VND", now);
            return;
        }
        String key = Plan.key(plan.getCapitalSource().name(), plan.getYear(), zone);
        plans.put(key, new Plan(plan.getAmount(), plan.getCurrency()));
        context.forward(mark(record, key));
    }

    private void withdraw(Record<String, byte[]> record, Instant now) {
        String key = record.key();
        String[] parts = key == null ? new String[0] : key.split(":");
        try {
            IndicatorSource.valueOf(parts[0]);
            Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            refuse(record, null, "a plan tombstone needs a key SOURCE:year[:ZONE], got " + key,
                    "khoá xoá kế hoạch phải có dạng NGUỒN:năm[:KHU]", now);
            return;
        }
        plans.delete(key);
        context.forward(mark(record, key));
    }

    private Record<String, Checked<SeriesMarks>> mark(Record<String, byte[]> record, String planKey) {
        String[] parts = planKey.split(":");
        IndicatorSource source = IndicatorSource.valueOf(parts[0]);
        int year = Integer.parseInt(parts[1]);
        DimKey series = parts.length > 2 ? new DimKey(source, Dimension.ZONE, parts[2]) : DimKey.total(source);
        return new Record<>(series.toString(), Checked.ok(SeriesMarks.of(series.toString(), DirtyMark.plan(YearMonth.of(year, 1)))), record.timestamp());
    }

    private void refuse(Record<String, byte[]> record, PlanTarget plan, String reason, String reasonVi, Instant now) {
        context.forward(record.withValue(Checked.refused(
                DeadLetters.refusedReference(context.recordMetadata(), record.key(), plan, reason, reasonVi, now))));
    }
}
