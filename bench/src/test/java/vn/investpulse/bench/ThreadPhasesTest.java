package vn.investpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.investpulse.bench.ThreadPhases.Phase;

class ThreadPhasesTest {

    private static final String LOOP = "org.apache.kafka.streams.processor.internals.StreamThread";
    private static final String TASKS = "org.apache.kafka.streams.processor.internals.TaskManager";

    /** A stack, innermost frame first (as {@link Thread#getStackTrace()} gives it). */
    private static StackTraceElement[] stack(String... frames) {
        return Arrays.stream(frames).map(f -> {
            int dot = f.lastIndexOf('.');
            return new StackTraceElement(f.substring(0, dot), f.substring(dot + 1), null, -1);
        }).toArray(StackTraceElement[]::new);
    }

    @Test
    void theOutermostPhaseOfTheLoopDecides() {
        // A punctuation forwards records (inner frames of processing) and a commit flushes stores: the loop's phase wins.
        assertThat(ThreadPhases.classify(stack("vn.investpulse.X.process", TASKS + ".process", LOOP + ".runOnce", LOOP + ".run"),
                Thread.State.RUNNABLE)).isEqualTo(Phase.PROCESSING);
        assertThat(ThreadPhases.classify(stack(TASKS + ".process", "vn.investpulse.Emitter.punctuate", TASKS + ".punctuate",
                LOOP + ".runOnce"), Thread.State.RUNNABLE)).isEqualTo(Phase.EMITTING);
        assertThat(ThreadPhases.classify(stack("org.apache.kafka.clients.producer.KafkaProducer.flush", TASKS + ".commit",
                LOOP + ".maybeCommit", LOOP + ".runOnce"), Thread.State.WAITING)).isEqualTo(Phase.COMMITTING);
    }

    @Test
    void aPollBlockedInTheSelectorIsWaitingForRecords() {
        assertThat(ThreadPhases.classify(stack("sun.nio.ch.EPoll.wait", "org.apache.kafka.clients.NetworkClient.poll",
                LOOP + ".pollPhase", LOOP + ".runOnce"), Thread.State.RUNNABLE)).isEqualTo(Phase.WAITING);
        assertThat(ThreadPhases.classify(stack("jdk.internal.misc.Unsafe.park", LOOP + ".pollPhase", LOOP + ".runOnce"),
                Thread.State.TIMED_WAITING)).isEqualTo(Phase.WAITING);
        assertThat(ThreadPhases.classify(stack("org.apache.kafka.clients.consumer.internals.CompletedFetch.fetchRecords",
                LOOP + ".pollPhase", LOOP + ".runOnce"), Thread.State.RUNNABLE)).isEqualTo(Phase.POLLING);
        assertThat(ThreadPhases.classify(stack(LOOP + ".checkStateUpdater", LOOP + ".runOnce"), Thread.State.RUNNABLE))
                .isEqualTo(Phase.OTHER);
    }

    @Test
    void summariesAreSharesOfTheirOwnWindow() {
        try (ThreadPhases phases = ThreadPhases.start("no-such-app")) {
            for (int i = 0; i < 9; i++) {
                phases.count(Phase.PROCESSING);
            }
            phases.count(Phase.COMMITTING);
            phases.nextWindow();
            phases.count(Phase.WAITING);
            phases.count(Phase.EMITTING);

            assertThat(phases.summary(0)).isEqualTo("processing 90 %, commits 10 %");
            assertThat(phases.summary(1)).contains("waiting for records 50 %", "punctuation 50 %");
        }
    }
}
