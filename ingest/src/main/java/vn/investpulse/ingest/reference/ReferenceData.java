package vn.investpulse.ingest.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Zone;

/**
 * Keeps the zones and FX rates in memory for validation by reading their compacted topics from the
 * beginning (read_committed) and staying on them, so a zone added at run time (a province merger) is known
 * moments later. {@link #ready()} turns true once everything that was on the topics at start has been read.
 *
 * <p>Partitions are assigned, not subscribed through a group: every ingest instance needs all of the data.
 */
public final class ReferenceData implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceData.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final ReferenceCatalog catalog = new ReferenceCatalog();
    private final Map<String, Object> consumerConfig;
    private final Deserializer<SpecificRecord> values;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final String zonesTopic;
    private final String fxTopic;
    /** Next offset to read per partition (what the consumer has applied). */
    private final Map<TopicPartition, Long> consumed = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private volatile Map<TopicPartition, Long> endAtStart;
    private volatile boolean ready;
    private volatile boolean running;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private Thread thread;

    @SuppressWarnings("unchecked")
    public ReferenceData(String bootstrapServers, Topics topics, RegistrySerdes serdes, Map<String, Object> clientOverrides) {
        Map<String, Object> config = new HashMap<>(clientOverrides);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pulse-ingest-reference");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig = config;
        this.values = (Deserializer<SpecificRecord>) serdes.serde(SpecificRecord.class, false).deserializer();
        this.zonesTopic = topics.zones().name();
        this.fxTopic = topics.fxRates().name();
        for (int p = 0; p < topics.zones().partitions(); p++) {
            partitions.add(new TopicPartition(zonesTopic, p));
        }
        for (int p = 0; p < topics.fxRates().partitions(); p++) {
            partitions.add(new TopicPartition(fxTopic, p));
        }
    }

    public ReferenceCatalog catalog() {
        return catalog;
    }

    /** Starts reading in the background; returns at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "pulse-ingest-reference");
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the topics have been read up to where they ended when this instance started. */
    public boolean ready() {
        return ready;
    }

    /**
     * Waits until the records at (or before) the given offsets have been applied — read-your-writes after a
     * reference upload. Returns false on timeout.
     */
    public boolean awaitConsumed(Map<TopicPartition, Long> offsets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!reached(offsets)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Reference data has not caught up with {} within {}", offsets, timeout);
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Waits for {@link #ready()}. */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!ready) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private boolean reached(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(e -> consumed.getOrDefault(e.getKey(), 0L) > e.getValue());
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, SpecificRecord> c = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values)) {
                consumer = c;
                c.assign(partitions);
                c.seekToBeginning(partitions);
                if (endAtStart == null) {
                    endAtStart = Map.copyOf(c.endOffsets(partitions, Duration.ofSeconds(30)));
                    LOG.info("Reading reference data up to {}", endAtStart);
                }
                pollLoop(c);
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Reference data consumer failed, restarting in {}: {}", RETRY, e.toString());
                    sleepQuietly();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void pollLoop(KafkaConsumer<String, SpecificRecord> c) {
        while (running) {
            try {
                for (ConsumerRecord<String, SpecificRecord> record : c.poll(POLL)) {
                    apply(record);
                }
            } catch (RecordDeserializationException e) {
                // A record we cannot read must not stop reference updates: skip it, loudly.
                LOG.error("Skipping unreadable reference record at {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
                c.seek(e.topicPartition(), e.offset() + 1);
            }
            for (TopicPartition tp : partitions) {
                consumed.put(tp, c.position(tp));
            }
            synchronized (progress) {
                if (!ready && reached(minusOne(endAtStart))) {
                    ready = true;
                    LOG.info("Reference data ready: {} zones, {} FX rates", catalog.zoneCount(), catalog.fxRateCount());
                }
                progress.notifyAll();
            }
        }
    }

    /** The end offset is the next offset to be written; having consumed it means position >= end. */
    private static Map<TopicPartition, Long> minusOne(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> last = new HashMap<>();
        ends.forEach((tp, end) -> last.put(tp, end - 1));
        return last;
    }

    private void apply(ConsumerRecord<String, SpecificRecord> record) {
        if (record.topic().equals(zonesTopic)) {
            if (record.value() == null) {
                catalog.removeZone(record.key());
            } else if (record.value() instanceof Zone zone) {
                catalog.putZone(zone);
            }
        } else if (record.topic().equals(fxTopic)) {
            if (record.value() == null) {
                catalog.removeFxRate(record.key());
            } else if (record.value() instanceof FxRate rate) {
                catalog.putFxRate(rate);
            }
        }
    }

    private void sleepQuietly() {
        synchronized (progress) {
            try {
                progress.wait(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, SpecificRecord> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
