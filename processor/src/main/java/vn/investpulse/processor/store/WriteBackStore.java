package vn.investpulse.processor.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps the values its stream thread writes as objects, and writes them to the store beneath
 * (metered; in memory) only when Kafka Streams flushes its caches before a commit, or before a scan.
 *
 * <p>Why: every event changes about five daily facts, each a read and a write. Through Kafka Streams' own record
 * cache each of those deserialized or serialized the value and walked a sorted map of byte keys — the largest share
 * of the stream thread in a replay. Here they are a hash-map lookup, and a value is serialized once per commit.
 *
 * <p>Exactly-once is kept: Kafka Streams calls {@link #flushCache()} on every registered {@link CachedStateStore}
 * before it flushes the producer and commits the transaction (StreamTask.prepareCommit), so what this layer holds
 * reaches the store beneath — and its changelog, when it has one — in the same transaction as the input offsets. A task closed without a commit drops it, as
 * the record cache does. {@code CachedStateStore} is an internal interface of Kafka Streams: the version is pinned,
 * and {@code WriteBackStoreTest} and the crash tests of the faults module would catch a change of that contract.
 *
 * <p>Only the thread that writes — the task's stream thread — sees the held values. Interactive queries run on other
 * threads and read the store beneath: the state as of the last flush, at most a commit interval old. (The writer, not
 * the thread that ran {@code init}: Kafka Streams may initialize a task on another thread than the one processing it.)
 */
public final class WriteBackStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    /** Marks a key deleted until the next flush. */
    private static final Object DELETED = new Object();

    private final KeyValueStore<String, V> inner;
    private final Map<String, Object> held = new HashMap<>();
    /** The thread that wrote the held values; only ever the task's stream thread. */
    private Thread writer;

    private WriteBackStore(KeyValueStore<String, V> inner) {
        this.inner = inner;
    }

    /** A builder of this layer over a builder of the store beneath (build that one without a record cache). */
    public static <V> StoreBuilder<KeyValueStore<String, V>> over(StoreBuilder<KeyValueStore<String, V>> beneath) {
        return new Builder<>(beneath);
    }

    private boolean isWriter() {
        return Thread.currentThread() == writer;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        held.clear();
        writer = null;
        inner.init(context, root);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        if (isWriter()) {
            Object v = held.get(key);
            if (v != null) {
                return v == DELETED ? null : (V) v;
            }
        }
        return inner.get(key);
    }

    @Override
    public void put(String key, V value) {
        writer = Thread.currentThread();
        held.put(key, value == null ? DELETED : value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public V delete(String key) {
        V current = get(key);
        writer = Thread.currentThread();
        held.put(key, DELETED);
        return current;
    }

    /** Writes every held value to the store beneath, which logs it to the changelog. */
    @Override
    @SuppressWarnings("unchecked")
    public void flushCache() {
        if (held.isEmpty()) {
            return;
        }
        if (!isWriter()) {
            // Kafka Streams commits a task on the thread that processes it; anything else would lose the held values.
            throw new IllegalStateException("store " + name() + " flushed by " + Thread.currentThread().getName()
                    + " but written by " + writer.getName());
        }
        for (Map.Entry<String, Object> e : held.entrySet()) {
            if (e.getValue() == DELETED) {
                inner.delete(e.getKey());
            } else {
                inner.put(e.getKey(), (V) e.getValue());
            }
        }
        held.clear();
    }

    @Override
    public void clearCache() {
        held.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    // Scans read the store beneath. The writer flushes first, so it sees its own writes; another thread (an
    // interactive query) reads what was last flushed.

    private void flushIfWriter() {
        if (isWriter()) {
            flushCache();
        }
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        flushIfWriter();
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        flushIfWriter();
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        flushIfWriter();
        return inner.all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        flushIfWriter();
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        flushIfWriter();
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        flushCache();
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        flushCache();
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public void close() {
        held.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    private record Builder<V>(StoreBuilder<KeyValueStore<String, V>> beneath) implements StoreBuilder<KeyValueStore<String, V>> {

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("a write-back store is its own cache: build the store beneath without one");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            beneath.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            beneath.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            beneath.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new WriteBackStore<>(beneath.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return beneath.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return beneath.loggingEnabled();
        }

        @Override
        public String name() {
            return beneath.name();
        }
    }
}
