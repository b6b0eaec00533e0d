package vn.investpulse.sink.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One polled batch: the store changes it decodes to, the records it refuses, and the next offset of
 * every partition it covers. Written as one database transaction.
 */
public final class Batch {

    private final Map<String, Op> lastOpByKey = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
    private int records;

    /** Records the op; a later op on the same (table, key) in this batch replaces it (offset order = last wins). */
    public void add(Op op) {
        String id = op.table().name() + "\u0000" + op.key();
        lastOpByKey.remove(id);
        lastOpByKey.put(id, op);
    }

    public void refuse(Refusal refusal) {
        refusals.add(refusal);
    }

    /** Marks a record as consumed: its partition advances past it. */
    public void consumed(String topic, int partition, long offset) {
        nextOffsets.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
        records++;
    }

    public List<Op> ops() {
        return List.copyOf(lastOpByKey.values());
    }

    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    public Map<TopicPartition, Long> nextOffsets() {
        return Map.copyOf(nextOffsets);
    }

    /** How many records the batch consumed (ops may be fewer: repeated keys collapse). */
    public int records() {
        return records;
    }

    public boolean isEmpty() {
        return records == 0;
    }
}
