package vn.investpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
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

/**
 * kill -9 of the processor during a replay: the production processor in its own JVM replays a 50,000-event register
 * and is SIGKILLed {@value #KILLS} times at seeded random points of its progress, restarted each time on the same state
 * directory. Its final figures (a wide fixed set of series through the HTTP API) must equal, field by field, those of
 * a processor that replayed the same register without interruption. Reproduce a failure with {@code -Dfaults.seed=<seed>}.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ProcessorKillIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorKillIT.class);
    /** The size; {@code -Dfaults.events=N} runs another (e.g. a quick local check). */
    private static final int DEFAULT_EVENTS = 50_000;
    private static final int EVENTS = Integer.getInteger("faults.events", DEFAULT_EVENTS);
    private static final int KILLS = 5;
    private static final Duration CATCH_UP = Duration.ofMinutes(8);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    @Timeout(value = 25, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aProcessorKilledFiveTimesEndsWithTheFiguresOfAnUninterruptedRun(EmbeddedPlatform platform, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        LOG.info("ProcessorKillIT seed {} (-Dfaults.seed={} reproduces the register and the kill points), {} events", seed, seed, EVENTS);
        SyntheticRegister register = new SyntheticRegister(seed, EVENTS, "K" + Long.toHexString(seed));
        Replay.fxRates(platform);
        Replay.registrations(platform, register);

        Map<String, String> expected;
        try (ProcessorProcess reference = new ProcessorProcess(platform, "fault-reference", dir.resolve("reference-state"), dir)) {
            reference.start();
            awaitReady(reference);
            expected = IndicatorSnapshot.take(reference, register.zones());
        }

        String group = "fault-killed";
        List<String> inputs = List.of(platform.topics().registrations().name(), group + "-" + ProcessorTopology.REPARTITION + "-repartition");
        long total = 2L * EVENTS; // every event is read once from the input and once from the repartition topic
        Random kills = new Random(seed);
        long[] killAt = IntStream.range(0, KILLS).mapToLong(i -> (long) (total * (0.08 + 0.84 * kills.nextDouble()))).sorted().toArray();
        LOG.info("kill points (committed input offsets of {}): {}", total, java.util.Arrays.toString(killAt));

        Map<String, String> actual;
        try (ProcessorProcess killed = new ProcessorProcess(platform, group, dir.resolve("killed-state"), dir);
             GroupProgress progress = new GroupProgress(platform.bootstrapServers())) {
            for (int k = 0; k < KILLS; k++) {
                long point = killAt[k];
                killed.start();
                await("processor progress past " + point).atMost(CATCH_UP).pollInterval(POLL).ignoreExceptions()
                        .until(() -> progress.committed(group, inputs) >= point || killed.ready());
                killed.kill();
                LOG.info("kill -9 #{} at committed progress {} of {}", k + 1, progress.committed(group, inputs), total);
            }
            killed.start();
            awaitReady(killed);
            actual = IndicatorSnapshot.take(killed, register.zones());
        }

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((query, body) -> assertThat(actual.get(query)).as(query).isEqualTo(body));
        assertThat(expected.get(IndicatorSnapshot.queries(register.zones()).get(0))).as("the replay produced figures")
                .contains("\"newProjects\":");
    }

    private static void awaitReady(ProcessorProcess processor) {
        await(processor.applicationId() + " ready").atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(processor::ready);
    }
}
