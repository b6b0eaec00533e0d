package vn.investpulse.contracts;

import java.util.Map;
import java.util.Objects;

/**
 * One topic of the pipeline: its name, the Java types of its keys and values (which decide the serdes,
 * see {@link RegistrySerdes}), and how it is created.
 */
public record TopicSpec<K, V>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        int partitions,
        short replicationFactor,
        Map<String, String> configs,
        String purpose) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + ": replication factor must be >= 1, got " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }
}
