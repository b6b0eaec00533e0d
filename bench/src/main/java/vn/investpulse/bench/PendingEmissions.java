package vn.investpulse.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The processor's series still waiting for emission, as committed: the changelog of its dirty-series store
 * ({@code <application id>-dirty-series-changelog}) read with {@code read_committed} and folded to its live keys.
 *
 * <p>The emitter keeps a persistent mark for every series it has yet to emit and deletes it in the transaction that
 * emits the series' indicators. So once every input of the processor is committed and no committed mark is left,
 * nothing is left to emit and every indicator is committed — an exact end of the replay, where a quiet period on the
 * output topic can only guess (emission runs on a wall-clock punctuator with a back-off).
 */
final class PendingEmissions implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration READ_TO_END = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Set<ByteBuffer> pending = new HashSet<>();
    private long records;

    PendingEmissions(String bootstrapServers, String changelog) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(changelog).stream().map(p -> new TopicPartition(changelog, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads the changelog to its last stable offset and returns how many series have a committed mark. */
    int pending() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(READ_TO_END);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read the dirty-series changelog to its end in " + READ_TO_END);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                records++;
                if (r.value() == null) {
                    pending.remove(ByteBuffer.wrap(r.key()));
                } else {
                    pending.add(ByteBuffer.wrap(r.key()));
                }
            }
        }
        return pending.size();
    }

    /** Changelog records read so far. */
    long records() {
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
