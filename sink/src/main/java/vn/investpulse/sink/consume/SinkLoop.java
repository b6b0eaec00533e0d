package vn.investpulse.sink.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.sink.metrics.SinkMetrics;
import vn.investpulse.sink.offsets.OffsetConflictException;
import vn.investpulse.sink.offsets.OffsetStore;
import vn.investpulse.sink.write.Batch;
import vn.investpulse.sink.write.BatchWriter;

/**
 * The sink's poll loop, on its own thread: poll, decode, write the batch and its offsets in one transaction,
 * repeat. On every partition assignment it seeks to the offsets stored in the database — Kafka's committed
 * offsets are written too (after the database commit, for lag monitoring) but never read.
 */
public final class SinkLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);

    private final Consumer<byte[], byte[]> consumer;
    private final RecordDecoder decoder;
    private final BatchWriter writer;
    private final OffsetStore offsets;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final SinkMetrics metrics;
    /** The stored next offset of every partition this sink owns, as last read or written by it. */
    private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean polled;
    private volatile Throwable failure;
    private volatile boolean finished;

    public SinkLoop(Consumer<byte[], byte[]> consumer, RecordDecoder decoder, BatchWriter writer, OffsetStore offsets,
                    List<String> topics, Duration pollTimeout, SinkMetrics metrics) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.writer = writer;
        this.offsets = offsets;
        this.topics = List.copyOf(topics);
        this.pollTimeout = pollTimeout;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new SeekToStoredOffsets());
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                polled = true;
                if (!records.isEmpty()) {
                    writeBatch(records);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (Throwable e) {
            failure = e;
            metrics.failed(e.toString());
            LOG.error("Sink stopped: {}", e.toString(), e);
        } finally {
            finished = true;
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("consumer close: {}", e.toString());
            }
        }
    }

    private void writeBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        long started = System.nanoTime();
        Batch batch = new Batch();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            decoder.decodeInto(record, batch);
        }
        long decoded = System.nanoTime();
        try {
            writer.write(batch, Map.copyOf(stored));
            metrics.timed(decoded - started, System.nanoTime() - decoded);
        } catch (OffsetConflictException e) {
            metrics.offsetConflict(e.getMessage());
            LOG.warn("Batch discarded: {}; seeking to the stored offsets again", e.getMessage());
            seekToStored(consumer.assignment());
            return;
        }
        stored.putAll(batch.nextOffsets());
        Map<TopicPartition, OffsetAndMetadata> forMonitoring = new HashMap<>();
        batch.nextOffsets().forEach((tp, next) -> forMonitoring.put(tp, new OffsetAndMetadata(next)));
        consumer.commitAsync(forMonitoring, (committed, error) -> {
            if (error != null) {
                LOG.debug("Kafka offset commit (monitoring only) failed: {}", error.toString());
            }
        });
    }

    private void seekToStored(Collection<TopicPartition> partitions) throws InterruptedException {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = writer.inTransaction("reading stored offsets", c -> offsets.claim(c, partitions));
        positions.forEach((tp, next) -> {
            consumer.seek(tp, next);
            stored.put(tp, next);
        });
        LOG.info("Resuming from stored offsets {}", positions);
    }

    /** Stop polling; the loop ends after the current batch (an uncommitted batch rolls back). */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    public boolean ready() {
        return polled && failure == null && !finished;
    }

    public Throwable failure() {
        return failure;
    }

    public boolean finished() {
        return finished;
    }

    public Map<TopicPartition, Long> storedOffsets() {
        return Map.copyOf(stored);
    }

    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try {
                seekToStored(partitions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(stored::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(stored::remove);
        }
    }
}
