package vn.investpulse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where an app's stream threads spend their <em>wall</em> time: their stacks sampled every {@link #INTERVAL_MS} ms
 * and each sample put in the phase of Kafka Streams' loop it is in. The CPU time per event says how much work an app
 * does; this says whether its thread is working at all — processing records, emitting (punctuating), committing — or
 * waiting for records to fetch. On two cores shared with the broker and the JIT, a slow app could be either.
 *
 * <p>Samples are counted in a window; {@link #nextWindow()} closes it (e.g. when the input is consumed and only the
 * final emission is left), so the two parts of a replay are told apart.
 */
final class ThreadPhases implements AutoCloseable {

    static final int INTERVAL_MS = 10;

    /** The phases of {@code StreamThread.runOnce}, as the stack shows them. */
    enum Phase {
        PROCESSING("processing"), EMITTING("punctuation"), COMMITTING("commits"), WAITING("waiting for records"),
        POLLING("poll"), OTHER("other");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private final String applicationId;
    private final Thread sampler;
    private final List<Map<Phase, Integer>> windows = new ArrayList<>();
    private volatile boolean running = true;

    private ThreadPhases(String applicationId) {
        this.applicationId = applicationId;
        windows.add(new EnumMap<>(Phase.class));
        this.sampler = new Thread(this::run, "bench-phases-" + applicationId);
        sampler.setDaemon(true);
    }

    /** Starts sampling the stream threads of this application id (those started later too). */
    static ThreadPhases start(String applicationId) {
        ThreadPhases phases = new ThreadPhases(applicationId);
        phases.sampler.start();
        return phases;
    }

    /**
     * The phase of one sample. The outermost frame of the loop's phases decides (a commit flushes stores and a
     * punctuation forwards records: their inner frames look like processing). In {@code pollPhase}, a thread blocked in
     * the selector, or parked, is waiting for records.
     */
    static Phase classify(StackTraceElement[] stack, Thread.State state) {
        for (int i = stack.length - 1; i >= 0; i--) {
            String method = stack[i].getClassName() + "." + stack[i].getMethodName();
            if (method.endsWith("TaskManager.process")) {
                return Phase.PROCESSING;
            }
            if (method.endsWith("TaskManager.punctuate")) {
                return Phase.EMITTING;
            }
            if (method.endsWith("StreamThread.maybeCommit") || method.endsWith("TaskManager.commit")
                    || method.endsWith("TaskManager.commitAll")) {
                return Phase.COMMITTING;
            }
            if (method.endsWith("StreamThread.pollPhase")) {
                boolean blocked = state != Thread.State.RUNNABLE
                        || (stack.length > 0 && (stack[0].getMethodName().equals("wait") && stack[0].getClassName().endsWith("EPoll")
                        || stack[0].getClassName().equals("sun.nio.ch.Net") && stack[0].getMethodName().equals("poll")));
                return blocked ? Phase.WAITING : Phase.POLLING;
            }
        }
        return Phase.OTHER;
    }

    /** Closes the current window and starts counting in a new one. */
    synchronized void nextWindow() {
        windows.add(new EnumMap<>(Phase.class));
    }

    /** One window's shares, e.g. "processing 84 %, commits 9 %, punctuation 6 %, waiting for records 1 %". */
    synchronized String summary(int window) {
        Map<Phase, Integer> counts = windows.get(window);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "no sample";
        }
        StringJoiner out = new StringJoiner(", ");
        counts.entrySet().stream().sorted(Map.Entry.<Phase, Integer>comparingByValue().reversed())
                .filter(e -> e.getValue() * 100.0 / total >= 0.5)
                .forEach(e -> out.add(String.format(Locale.ROOT, "%s %.0f %%", e.getKey().label, e.getValue() * 100.0 / total)));
        return out.toString();
    }

    synchronized void count(Phase phase) {
        windows.get(windows.size() - 1).merge(phase, 1, Integer::sum);
    }

    private void run() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = new long[0];
        for (long tick = 0; running; tick++) {
            if (tick % 50 == 0) { // stream threads can start (or be replaced) after sampling began
                ids = streamThreadIds(applicationId);
            }
            for (ThreadInfo info : ids.length == 0 ? new ThreadInfo[0] : mx.getThreadInfo(ids, Integer.MAX_VALUE)) {
                if (info != null) {
                    count(classify(info.getStackTrace(), info.getThreadState()));
                }
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The ids of an application's stream threads, named {@code <application.id>-<client uuid>-StreamThread-n}. */
    static long[] streamThreadIds(String applicationId) {
        return threadIds(applicationId, true);
    }

    /**
     * The ids of the threads an application's processors start to help its stream threads, named after the application
     * (the emitter's {@code <application.id>-<task>-emission-helper}, the facts store's
     * {@code <stream thread>-daily-facts-updater}); not its Kafka clients' threads ({@code kafka-…}).
     */
    static long[] helperThreadIds(String applicationId) {
        return threadIds(applicationId, false);
    }

    private static long[] threadIds(String applicationId, boolean streamThreads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return Arrays.stream(mx.getThreadInfo(mx.getAllThreadIds(), 0))
                .filter(t -> t != null && t.getThreadName().startsWith(applicationId + "-")
                        && t.getThreadName().matches(".*-StreamThread-[0-9]+") == streamThreads)
                .mapToLong(ThreadInfo::getThreadId).toArray();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
