package vn.investpulse.alerts.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Alert;

/**
 * Reads {@code pulse.alerts.v1} from the beginning, committed records only (an alert of an aborted
 * transaction never reaches a screen), into the {@link AlertHistory} and to live listeners. No consumer
 * group: every instance reads every partition, so every instance can serve the whole history and stream.
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final AlertsConfig config;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final AlertHistory history;
    private final List<Consumer<AlertHistory.Entry>> listeners = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, Alert> consumer;

    public AlertFeed(AlertsConfig config, Topics topics, RegistrySerdes serdes, AlertHistory history) {
        this.config = config;
        this.topics = topics;
        this.serdes = serdes;
        this.history = history;
        this.worker = new Thread(this::run, "alerts-feed");
    }

    /** Called for each new alert, on the feed thread, after it is in the history. */
    public void onAlert(Consumer<AlertHistory.Entry> listener) {
        listeners.add(listener);
    }

    public void start() {
        worker.start();
    }

    /** Whether the history holds every alert committed before the feed started. */
    public boolean caughtUp() {
        return caughtUp && worker.isAlive();
    }

    private void run() {
        try (KafkaConsumer<String, Alert> c = new KafkaConsumer<>(consumerConfig(),
                serdes.keyDeserializer(topics.alerts()), serdes.valueDeserializer(topics.alerts()))) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(topics.alerts().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topics.alerts().name() + " does not exist: create the pipeline's topics first");
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = c.endOffsets(partitions);
            while (running) {
                ConsumerRecords<String, Alert> records;
                try {
                    records = c.poll(POLL);
                } catch (RecordDeserializationException e) {
                    // The notifier dead-letters it; the screen just goes past it.
                    LOG.error("Skipping the unreadable alert record at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    c.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                for (ConsumerRecord<String, Alert> record : records) {
                    if (record.value() == null) {
                        continue;
                    }
                    AlertHistory.Entry entry = new AlertHistory.Entry(record.value(), record.partition(), record.offset());
                    history.add(entry);
                    if (caughtUp) {
                        listeners.forEach(l -> notify(l, entry));
                    }
                }
                if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= endAtStart.get(p))) {
                    caughtUp = true;
                    LOG.info("Alert history loaded: {} alerts", history.size());
                }
            }
        } catch (WakeupException | InterruptException e) {
            LOG.debug("Alert feed stopped");
        } catch (RuntimeException e) {
            LOG.error("Alert feed failed: the alert history and stream are no longer updated", e);
        }
    }

    private static void notify(Consumer<AlertHistory.Entry> listener, AlertHistory.Entry entry) {
        try {
            listener.accept(entry);
        } catch (RuntimeException e) {
            LOG.warn("An alert listener failed on {}: {}", entry.alert().getId(), e.toString());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>(config.kafkaClientSettings());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, Alert> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            worker.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
