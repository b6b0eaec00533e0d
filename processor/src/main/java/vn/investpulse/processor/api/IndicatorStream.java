package vn.investpulse.processor.api;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Indicator;

/**
 * Server-sent events of indicator changes. A read_committed consumer (no group: every instance streams every
 * change, and only committed ones) follows pulse.indicators.v1 from its end and pushes each record to every
 * connected client as event {@code indicator}; a comment every {@link #KEEP_ALIVE} keeps proxies from closing idle
 * connections.
 */
public final class IndicatorStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorStream.class);
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Map<String, Object> consumerConfig;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public IndicatorStream(String bootstrapServers, Map<String, Object> kafkaClientSettings, Topics topics, RegistrySerdes serdes) {
        Map<String, Object> c = new HashMap<>(kafkaClientSettings);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "invest-pulse-indicator-stream-" + Long.toHexString(System.nanoTime()));
        this.consumerConfig = c;
        this.topics = topics;
        this.serdes = serdes;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        thread = new Thread(this::run, "indicator-stream");
        thread.setDaemon(true);
        thread.start();
    }

    /** Javalin SSE handler body. */
    public void accept(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected " + Instant.now());
    }

    public int clientCount() {
        return clients.size();
    }

    private void run() {
        // Bytes first, decoded only while a client listens: with no screen connected (a replay, a batch import, most
        // of an instance's life) decoding and writing every indicator as JSON took about a third of a core at the end
        // of a replay (bench, 2026-12-06).
        try (Deserializer<Indicator> values = serdes.valueDeserializer(topics.indicators());
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(topics.indicators().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToEnd(partitions);
            partitions.forEach(c::position); // resolve "end" now, so changes from this moment on are streamed
            Instant lastKeepAlive = Instant.now();
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    if (r.value() != null && !clients.isEmpty()) {
                        Indicator indicator = values.deserialize(r.topic(), r.headers(), r.value());
                        broadcast(IndicatorJson.write(IndicatorJson.indicator(indicator)));
                    }
                }
                if (Instant.now().isAfter(lastKeepAlive.plus(KEEP_ALIVE))) {
                    lastKeepAlive = Instant.now();
                    for (SseClient client : clients) {
                        send(client, () -> client.sendComment("keep-alive"));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Indicator stream stopped: {}", e.toString(), e);
        } finally {
            consumer = null;
        }
    }

    private void broadcast(String json) {
        for (SseClient client : clients) {
            send(client, () -> client.sendEvent("indicator", json));
        }
    }

    private void send(SseClient client, Runnable send) {
        if (client.terminated()) {
            clients.remove(client);
            return;
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            clients.remove(client); // the browser went away
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<byte[], byte[]> c = consumer;
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
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
