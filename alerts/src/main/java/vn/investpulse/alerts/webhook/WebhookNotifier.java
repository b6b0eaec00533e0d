package vn.investpulse.alerts.webhook;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.alerts.json.AlertJson;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.DeadLetter;

/**
 * Delivers every alert on {@code pulse.alerts.v1} to each webhook URL, as JSON with the header
 * {@code Idempotency-Key: <alert id>:<state>:<processedAt, epoch ms>}: the same for every delivery of one alert record,
 * and new when the same threshold fires again later (a plan revised down, then up), which a receiver must not drop as
 * a duplicate.
 *
 * <p>At least once, never lost: the consumer reads committed records only, and an alert's offset is
 * committed only after every URL accepted it or, after its retries with exponential backoff, it was
 * written to {@code pulse.alerts.dlq.v1} with the last error. A notifier stopped mid-delivery commits
 * nothing for that alert, so the next one delivers it again with the same idempotency key — the only
 * kind of duplicate a receiver ever sees.
 *
 * <p>{@code new WebhookNotifier(config, topics, serdes, clock)}, then {@link #start()}, {@link #close()}.
 */
public final class WebhookNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    static final String STAGE = "notifier";

    private final AlertsConfig config;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final Clock clock;
    private final WebhookClient client;
    private final Backoff backoff;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread worker;
    private volatile KafkaConsumer<String, Alert> consumer;
    private volatile boolean polling;

    public WebhookNotifier(AlertsConfig config, Topics topics, RegistrySerdes serdes, Clock clock) {
        if (config.webhookUrls().isEmpty()) {
            throw new IllegalArgumentException("no webhook URL configured (PULSE_ALERT_WEBHOOK_URLS)");
        }
        this.config = config;
        this.topics = topics;
        this.serdes = serdes;
        this.clock = clock;
        this.client = new WebhookClient(config.webhookTimeout());
        this.backoff = new Backoff(config.webhookBackoff(), config.webhookBackoffMax());
        this.worker = new Thread(this::run, "alerts-webhook-notifier");
    }

    public void start() {
        worker.start();
    }

    /** Whether the notifier has joined its group and is polling. */
    public boolean ready() {
        return polling && worker.isAlive();
    }

    private void run() {
        try (KafkaConsumer<String, Alert> c = new KafkaConsumer<>(consumerConfig(),
                serdes.keyDeserializer(topics.alerts()), serdes.valueDeserializer(topics.alerts()));
             KafkaProducer<String, DeadLetter> deadLetters = new KafkaProducer<>(producerConfig(),
                     serdes.keySerializer(topics.alertsDlq()), serdes.valueSerializer(topics.alertsDlq()))) {
            consumer = c;
            try {
                loop(c, deadLetters);
            } catch (WakeupException | InterruptException e) {
                LOG.info("Webhook notifier stopped");
            } finally {
                // Clear a close()'s interrupt, so the clients close cleanly rather than abort.
                Thread.interrupted();
            }
        } catch (RuntimeException e) {
            LOG.error("Webhook notifier failed; alerts stay uncommitted and are delivered on restart", e);
        } finally {
            polling = false;
        }
    }

    private void loop(KafkaConsumer<String, Alert> c, KafkaProducer<String, DeadLetter> deadLetters) {
        c.subscribe(List.of(topics.alerts().name()));
        while (closing.getCount() > 0) {
            ConsumerRecords<String, Alert> records;
            try {
                records = c.poll(POLL);
            } catch (RecordDeserializationException e) {
                // An unreadable record must not stop every later alert: dead-letter its bytes and go past it.
                deadLetterUnreadable(e, deadLetters);
                TopicPartition tp = e.topicPartition();
                c.seek(tp, e.offset() + 1);
                c.commitSync(Map.of(tp, new OffsetAndMetadata(e.offset() + 1)));
                continue;
            }
            polling = true;
            for (ConsumerRecord<String, Alert> record : records) {
                if (!deliver(record, deadLetters)) {
                    return; // closing mid-delivery: nothing committed, the next notifier delivers it again
                }
                c.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
            }
        }
    }

    /** One per alert record: its id, its state and when the alerts service produced it. */
    static String idempotencyKey(Alert alert) {
        return alert.getId() + ":" + alert.getState() + ":" + alert.getProcessedAt().toEpochMilli();
    }

    /** @return false when the notifier is closing and the alert was not fully handled */
    private boolean deliver(ConsumerRecord<String, Alert> record, KafkaProducer<String, DeadLetter> deadLetters) {
        Alert alert = record.value();
        if (alert == null) {
            LOG.warn("Skipping an empty record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return true;
        }
        String key = idempotencyKey(alert);
        String json = AlertJson.toJson(alert);
        for (URI url : config.webhookUrls()) {
            String failure;
            try {
                failure = deliverTo(url, key, json);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (failure != null) {
                if (closing.getCount() == 0) {
                    return false; // the failure may be the closing itself (an aborted request): not a dead letter
                }
                deadLetter(record, json, failure, deadLetters);
            }
        }
        return true;
    }

    /** @return null when delivered, else the last error */
    private String deliverTo(URI url, String key, String json) throws InterruptedException {
        String lastError = null;
        for (int attempt = 1; attempt <= config.webhookMaxAttempts(); attempt++) {
            WebhookClient.Attempt result = client.post(url, key, json);
            if (result.delivered()) {
                LOG.info("Delivered {} to {} (attempt {})", key, WebhookClient.redacted(url), attempt);
                return null;
            }
            lastError = result.error() + " (attempt " + attempt + " of " + config.webhookMaxAttempts() + ")";
            LOG.warn("Webhook delivery of {}: {}", key, lastError);
            if (!result.retryable() || attempt == config.webhookMaxAttempts()) {
                break;
            }
            if (closing.await(backoff.delayAfter(attempt).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("notifier closing");
            }
        }
        return lastError;
    }

    private void deadLetter(ConsumerRecord<String, Alert> record, String json, String reason,
                            KafkaProducer<String, DeadLetter> deadLetters) {
        Alert alert = record.value();
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage(STAGE)
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setEventId(alert.getId())
                .setRawText(json)
                .setReason("webhook delivery of " + alert.getId() + ":" + alert.getState() + " failed: " + reason)
                .setReasonVi("Không gửi được cảnh báo " + alert.getId() + " tới webhook: " + reason)
                .setErrorClass(null)
                .setTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .build();
        try {
            // Synchronous: the alert's offset is committed only once its dead letter is safely written.
            deadLetters.send(new ProducerRecord<>(topics.alertsDlq().name(), alert.getId() + ":" + alert.getState(), letter)).get();
            LOG.error("Dead-lettered {}:{} to {}: {}", alert.getId(), alert.getState(), topics.alertsDlq().name(), reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the dead letter of " + alert.getId() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void deadLetterUnreadable(RecordDeserializationException e, KafkaProducer<String, DeadLetter> deadLetters) {
        ByteBuffer value = e.valueBuffer();
        byte[] raw = null;
        if (value != null) {
            raw = new byte[value.remaining()];
            value.duplicate().get(raw);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String where = e.topicPartition() + "@" + e.offset();
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage(STAGE)
                .setSourceTopic(e.topicPartition().topic())
                .setSourcePartition(e.topicPartition().partition())
                .setSourceOffset(e.offset())
                .setRawBytes(raw == null ? null : ByteBuffer.wrap(raw))
                .setReason("the record at " + where + " is not a readable Alert, so it was not delivered: " + cause.getMessage())
                .setReasonVi("Bản ghi tại " + where + " không đọc được thành cảnh báo nên không được gửi đi")
                .setErrorClass(cause.getClass().getName())
                .setTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .build();
        try {
            deadLetters.send(new ProducerRecord<>(topics.alertsDlq().name(), where, letter)).get();
            LOG.error("Dead-lettered the unreadable record at {}: {}", where, cause.getMessage());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptException(ie);
        } catch (ExecutionException ee) {
            throw new IllegalStateException("cannot write the dead letter of " + where + ": " + ee.getCause().getMessage(), ee.getCause());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>(config.kafkaClientSettings());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.notifierGroupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts from the first alert: better a late notice than a lost one.
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One alert per poll, so the poll interval only has to cover one alert's retries on every URL.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, worstCaseDelivery().toMillis()));
        return props;
    }

    /** Every URL failing every attempt with the longest timeout and wait, plus a minute to spare. */
    private Duration worstCaseDelivery() {
        Duration perAttempt = config.webhookTimeout().multipliedBy(2).plus(config.webhookBackoffMax());
        return perAttempt.multipliedBy((long) config.webhookMaxAttempts() * config.webhookUrls().size()).plusMinutes(1);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(config.kafkaClientSettings());
        props.remove(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    /**
     * Stops delivery at once, even mid-request or mid-backoff; the alert being delivered stays uncommitted.
     */
    @Override
    public void close() {
        closing.countDown();
        KafkaConsumer<String, Alert> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        worker.interrupt();
        try {
            worker.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
