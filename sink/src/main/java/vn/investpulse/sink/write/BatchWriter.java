package vn.investpulse.sink.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.sink.metrics.SinkMetrics;
import vn.investpulse.sink.offsets.OffsetConflictException;
import vn.investpulse.sink.offsets.OffsetStore;
import vn.investpulse.sink.store.Store;
import vn.investpulse.sink.store.TableSpec;

/**
 * Writes one {@link Batch} as one database transaction: the rows (batched upserts and deletes), the dead
 * letters of the records that cannot be stored, and the partitions' next offsets — all committed together
 * or not at all. So a crash at any point leaves the store either before the batch or after it, and the sink
 * resumes from the stored offsets.
 *
 * <p>Failures: a lost connection (or an unacknowledged dead letter) rolls back and retries the whole batch
 * with exponential backoff, up to {@link RetryPolicy#maxRetries()}; a row the store refuses (a constraint,
 * a value out of range) is found by re-running the batch op by op under savepoints and becomes a
 * {@link Refusal}; a moved offset ({@link OffsetConflictException}) rolls back and is for the caller to handle.
 */
public final class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** What a committed batch did. */
    public record Outcome(int upserts, int deletes, List<Refusal> refused) {
    }

    private final Store store;
    private final OffsetStore offsets;
    private final DeadLetterPublisher deadLetters;
    private final String ownDeadLetterTopic;
    private final RetryPolicy retry;
    private final CommitHook hook;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final CountDownLatch stopping;
    private final Map<TableSpec, String> upsertSql = new LinkedHashMap<>();
    private final Map<TableSpec, String> deleteSql = new LinkedHashMap<>();

    /**
     * @param ownDeadLetterTopic the topic {@code deadLetters} writes to; refusals of records read from it are stored
     *                           directly in rejected_row instead (publishing them would loop)
     * @param stopping           counted down on close: ends a backoff wait early
     */
    public BatchWriter(Store store, OffsetStore offsets, DeadLetterPublisher deadLetters, String ownDeadLetterTopic,
                       RetryPolicy retry, CommitHook hook, SinkMetrics metrics, Clock clock, CountDownLatch stopping) {
        this.store = store;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.ownDeadLetterTopic = ownDeadLetterTopic;
        this.retry = retry;
        this.hook = hook;
        this.metrics = metrics;
        this.clock = clock;
        this.stopping = stopping;
    }

    /**
     * Commits the batch, moving each partition from {@code expected} (the stored offsets this sink last saw)
     * to the batch's next offsets.
     *
     * @throws OffsetConflictException   another instance moved a partition: nothing was written
     * @throws StoreUnavailableException the store stayed unreachable through every retry
     * @throws InterruptedException      the sink is closing
     */
    public Outcome write(Batch batch, Map<TopicPartition, Long> expected) throws OffsetConflictException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return attempt(batch, expected);
            } catch (TransientFailure e) {
                if (attempt >= retry.maxRetries()) {
                    metrics.failed(e.getMessage());
                    throw new StoreUnavailableException("store unavailable after " + (attempt + 1) + " attempt(s): " + e.getMessage(), e.getCause());
                }
                Duration wait = retry.backoff(attempt + 1);
                metrics.retried(e.getMessage());
                LOG.warn("Batch of {} record(s) not written ({}); retry {}/{} in {} ms", batch.records(), e.getMessage(),
                        attempt + 1, retry.maxRetries(), wait.toMillis());
                if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("sink closing");
                }
            }
        }
    }

    /** Runs arbitrary work in one transaction with the same retry rules (used to claim offsets on assignment). */
    public <T> T inTransaction(String what, SqlWork<T> work) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Connection c = store.connection()) {
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (!SqlFailures.isTransient(e, c)) {
                        throw new IllegalStateException(what + " failed: " + SqlFailures.describe(e), e);
                    }
                    store.evict(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt >= retry.maxRetries()) {
                    metrics.failed(SqlFailures.describe(e));
                    throw new StoreUnavailableException(what + ": store unavailable after " + (attempt + 1) + " attempt(s): "
                            + SqlFailures.describe(e), e);
                }
                metrics.retried(SqlFailures.describe(e));
                Duration wait = retry.backoff(attempt + 1);
                LOG.warn("{} failed ({}); retry {}/{} in {} ms", what, SqlFailures.describe(e), attempt + 1, retry.maxRetries(), wait.toMillis());
                if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("sink closing");
                }
            }
        }
    }

    /** Work on a connection inside a transaction the caller commits. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private Outcome attempt(Batch batch, Map<TopicPartition, Long> expected) throws OffsetConflictException, TransientFailure {
        Connection c;
        try {
            c = store.connection();
        } catch (SQLException e) {
            throw new TransientFailure("no connection: " + SqlFailures.describe(e), e);
        }
        Outcome committed = null;
        try (c) {
            try {
                List<Op> ops = batch.ops();
                List<Refusal> refused = new ArrayList<>();
                try {
                    applyAll(c, ops);
                } catch (SQLException e) {
                    if (SqlFailures.isTransient(e, c)) {
                        throw e;
                    }
                    LOG.info("Batch refused by the store ({}): isolating the refused row(s)", SqlFailures.describe(e));
                    c.rollback();
                    refused.addAll(applyOneByOne(c, ops));
                }
                List<Refusal> toPublish = new ArrayList<>();
                for (Refusal r : concat(batch.refusals(), refused)) {
                    if (ownDeadLetterTopic.equals(r.origin().topic())) {
                        applyAll(c, List.of(Rows.unreadableDeadLetter(r, clock.instant())));
                    } else {
                        toPublish.add(r);
                    }
                }
                offsets.advance(c, expected, batch.nextOffsets());
                publish(toPublish);
                hook.beforeCommit(batch);
                long commitStart = System.nanoTime();
                c.commit();
                java.time.Duration commitLatency = java.time.Duration.ofNanos(System.nanoTime() - commitStart);
                int deletes = (int) ops.stream().filter(o -> o instanceof Op.Delete).count();
                Outcome outcome = new Outcome(ops.size() - deletes - refused.size(), deletes, concat(batch.refusals(), refused));
                committed = outcome;
                metrics.committed(batch.records(), outcome.upserts(), deletes, outcome.refused().size(), clock.instant());
                // Process-wide Prometheus meters (/metrics); counted after the commit, so a retried batch counts once.
                vn.investpulse.observability.PulseMetrics.sinkCommitted(outcome.upserts() + deletes, commitLatency);
                toPublish.forEach(r -> vn.investpulse.observability.PulseMetrics.deadLettered("sink", ownDeadLetterTopic));
                hook.afterCommit(batch);
                return outcome;
            } catch (SQLException e) {
                rollbackQuietly(c);
                if (SqlFailures.isTransient(e, c)) {
                    store.evict(c);
                    throw new TransientFailure(SqlFailures.describe(e), e);
                }
                throw new IllegalStateException("the store refused a write the sink cannot dead-letter: " + SqlFailures.describe(e), e);
            } catch (OffsetConflictException | TransientFailure | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException closeFailure) {
            if (committed != null) {
                // The connection dropped right after the commit returned: the batch is written (and counted). Retrying it
                // would only find its offsets moved on and discard it as a conflict.
                LOG.debug("Connection lost after a commit: {}", SqlFailures.describe(closeFailure));
                return committed;
            }
            // Closing a connection that the server already dropped, before the commit: the commit did not happen.
            throw new TransientFailure("connection lost: " + SqlFailures.describe(closeFailure), closeFailure);
        }
    }

    private void publish(List<Refusal> refusals) throws TransientFailure {
        if (refusals.isEmpty()) {
            return;
        }
        try {
            deadLetters.publish(refusals);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while publishing dead letters", e);
        } catch (Exception e) {
            throw new TransientFailure("dead letters not acknowledged: " + e.getMessage(), e);
        }
    }

    /** Every op as JDBC batches, one per (table, kind). */
    private void applyAll(Connection c, List<Op> ops) throws SQLException {
        Map<TableSpec, List<Op.Upsert>> upserts = new LinkedHashMap<>();
        Map<TableSpec, List<Op.Delete>> deletes = new LinkedHashMap<>();
        for (Op op : ops) {
            if (op instanceof Op.Upsert u) {
                upserts.computeIfAbsent(u.table(), t -> new ArrayList<>()).add(u);
            } else if (op instanceof Op.Delete d) {
                deletes.computeIfAbsent(d.table(), t -> new ArrayList<>()).add(d);
            }
        }
        for (var e : deletes.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(deleteSql(e.getKey()))) {
                for (Op.Delete d : e.getValue()) {
                    bind(ps, e.getKey().keys(), d.key());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        for (var e : upserts.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(upsertSql(e.getKey()))) {
                for (Op.Upsert u : e.getValue()) {
                    bind(ps, e.getKey().all(), u.values());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The slow path after a refusal: each op under its own savepoint, so one bad row spares the others. */
    private List<Refusal> applyOneByOne(Connection c, List<Op> ops) throws SQLException {
        List<Refusal> refused = new ArrayList<>();
        for (Op op : ops) {
            Savepoint savepoint = c.setSavepoint();
            try {
                applyAll(c, List.of(op));
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (SqlFailures.isTransient(e, c)) {
                    throw e;
                }
                c.rollback(savepoint);
                String why = SqlFailures.describe(e);
                refused.add(new Refusal(op.origin(), "the " + op.table().name() + " row was refused by the store: " + why,
                        "cơ sở dữ liệu từ chối bản ghi " + op.table().name() + ": " + why, e, describe(op)));
                LOG.warn("Refused {} row from {}: {}", op.table().name(), op.origin().position(), why);
            }
        }
        return refused;
    }

    private static String describe(Op op) {
        return op instanceof Op.Upsert u ? u.table().columns() + " = " + u.values() : op.table().keyColumns() + " = " + op.key();
    }

    private String upsertSql(TableSpec table) {
        return upsertSql.computeIfAbsent(table, t -> store.dialect().upsert(t));
    }

    private String deleteSql(TableSpec table) {
        return deleteSql.computeIfAbsent(table, t -> store.dialect().delete(t));
    }

    private static void bind(PreparedStatement ps, List<TableSpec.Column> columns, List<Object> values) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                ps.setNull(i + 1, columns.get(i).sqlType());
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed (connection already lost): {}", e.getMessage());
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** The store or the dead-letter topic did not answer: the whole batch is retried. */
    private static final class TransientFailure extends Exception {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
