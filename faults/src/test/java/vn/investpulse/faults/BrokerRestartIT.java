package vn.investpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.bench.SyntheticRegister;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.faults.support.GroupProgress;
import vn.investpulse.faults.support.IndicatorSnapshot;
import vn.investpulse.faults.support.ProcessorProcess;
import vn.investpulse.faults.support.Replay;
import vn.investpulse.processor.topology.ProcessorTopology;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * The broker stops and starts again (same ports, same data directory) in the middle of a replay: the first half of
 * a 50,000-event register is being processed when the broker goes away; once it is back, the second half is written.
 * The processor (production main, own JVM) is never restarted: it must ride out the outage and end with the figures
 * of a processor that replayed the whole register without an outage.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    /** The size; {@code -Dfaults.events=N} runs another (e.g. a quick local check). */
    private static final int DEFAULT_EVENTS = 50_000;
    private static final int EVENTS = Integer.getInteger("faults.events", DEFAULT_EVENTS);
    private static final Duration CATCH_UP = Duration.ofMinutes(8);

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void theProcessorRidesOutABrokerRestartWithExactFigures(EmbeddedPlatform platform, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        LOG.info("BrokerRestartIT seed {}, {} events", seed, EVENTS);
        SyntheticRegister register = new SyntheticRegister(seed, EVENTS, "B" + Long.toHexString(seed));
        List<RegistrationEvent> events = new ArrayList<>(EVENTS);
        register.forEach(events::add);
        String topic = platform.topics().registrations().name();
        Replay.fxRates(platform);
        write(platform, events.subList(0, EVENTS / 2));

        String group = "fault-broker";
        List<String> inputs = List.of(topic, group + "-" + ProcessorTopology.REPARTITION + "-repartition");
        try (ProcessorProcess processor = new ProcessorProcess(platform, group, dir.resolve("state"), dir);
             GroupProgress progress = new GroupProgress(platform.bootstrapServers())) {
            processor.start();
            long stopAt = EVENTS / 3; // a third of the first half read and repartitioned
            await("processor progress past " + stopAt).atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> progress.committed(group, inputs) >= stopAt);
            LOG.info("stopping the broker at committed progress {}", progress.committed(group, inputs));
            platform.stopBroker();
            assertThat(platform.brokerRunning()).isFalse();
            assertThat(processor.isAlive()).as("the processor survives the outage").isTrue();
            platform.startBroker();
            LOG.info("broker back on {}", platform.bootstrapServers());
            write(platform, events.subList(EVENTS / 2, EVENTS));

            await("processor caught up after the restart").atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> progress.caughtUp(group, inputs) && processor.ready());
            Map<String, String> actual = IndicatorSnapshot.take(processor, register.zones());

            try (ProcessorProcess reference = new ProcessorProcess(platform, "fault-broker-reference", dir.resolve("reference-state"), dir)) {
                reference.start();
                await("reference ready").atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(reference::ready);
                Map<String, String> expected = IndicatorSnapshot.take(reference, register.zones());
                assertThat(actual.keySet()).isEqualTo(expected.keySet());
                expected.forEach((query, body) -> assertThat(actual.get(query)).as(query).isEqualTo(body));
            }
        }
    }

    private static void write(EmbeddedPlatform platform, List<RegistrationEvent> events) {
        try (var producer = new KafkaProducer<>(Replay.producerConfig(platform.bootstrapServers()), new StringSerializer(),
                platform.serdes().valueSerializer(platform.topics().registrations()))) {
            events.forEach(e -> producer.send(new ProducerRecord<>(platform.topics().registrations().name(), e.getCertificateNo(), e)));
            producer.flush();
        }
    }
}
