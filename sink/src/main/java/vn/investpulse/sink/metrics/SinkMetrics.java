package vn.investpulse.sink.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters of the sink, shown on {@code /api/v1/sink/status} and in the logs. Thread-safe. */
public final class SinkMetrics {

    private final AtomicLong recordsConsumed = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong rowsDeleted = new AtomicLong();
    private final AtomicLong batchesCommitted = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong offsetConflicts = new AtomicLong();
    private final AtomicLong decodeNanos = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private final AtomicReference<Instant> lastCommitAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public void committed(int records, int upserts, int deletes, int refused, Instant at) {
        recordsConsumed.addAndGet(records);
        rowsWritten.addAndGet(upserts);
        rowsDeleted.addAndGet(deletes);
        deadLetters.addAndGet(refused);
        batchesCommitted.incrementAndGet();
        lastCommitAt.set(at);
    }

    /** Time spent decoding records and writing batches (including retries), for throughput analysis. */
    public void timed(long decodeNanos, long writeNanos) {
        this.decodeNanos.addAndGet(decodeNanos);
        this.writeNanos.addAndGet(writeNanos);
    }

    public long decodeMillis() {
        return decodeNanos.get() / 1_000_000;
    }

    public long writeMillis() {
        return writeNanos.get() / 1_000_000;
    }

    public void retried(String error) {
        retries.incrementAndGet();
        lastError.set(error);
    }

    public void offsetConflict(String error) {
        offsetConflicts.incrementAndGet();
        lastError.set(error);
    }

    public void failed(String error) {
        lastError.set(error);
    }

    public long recordsConsumed() {
        return recordsConsumed.get();
    }

    public long batchesCommitted() {
        return batchesCommitted.get();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    public long retries() {
        return retries.get();
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recordsConsumed", recordsConsumed.get());
        out.put("rowsWritten", rowsWritten.get());
        out.put("rowsDeleted", rowsDeleted.get());
        out.put("batchesCommitted", batchesCommitted.get());
        out.put("deadLetters", deadLetters.get());
        out.put("retries", retries.get());
        out.put("offsetConflicts", offsetConflicts.get());
        out.put("decodeMillis", decodeMillis());
        out.put("writeMillis", writeMillis());
        Instant last = lastCommitAt.get();
        out.put("lastCommitAt", last == null ? null : last.toString());
        out.put("lastError", lastError.get());
        return out;
    }
}
