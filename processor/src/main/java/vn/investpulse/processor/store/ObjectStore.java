package vn.investpulse.processor.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
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
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * An in-memory key-value store of objects, never serialized and never logged: for state that a task rebuilds from
 * its logged stores whenever it starts (the daily facts, rebuilt from the projects).
 *
 * <p>Why: the daily facts are read and written about ten times per event and scanned by every emission. As bytes
 * (Kafka Streams' in-memory store) each commit serialized every changed fact, the first read of a fact after a commit
 * deserialized it, and every emission deserialized whole series: about a quarter of the stream thread in a replay.
 *
 * <p>Two layers, as with a record cache: the values the stream thread wrote since the last commit ({@code held}), and
 * the committed ones. Kafka Streams calls {@link #flushCache()} on every {@link CachedStateStore} before it commits a
 * task (StreamTask.prepareCommit), which moves the held values to the committed map; interactive queries, on other
 * threads, read only the committed map — the state as of the last commit, as with a store beneath a record cache.
 * The writer flushes before its own scans, so it scans what it wrote. A task that does not commit is revived through
 * {@code init} again, and its processors rebuild the store.
 *
 * <p>Values are shared, never copied on a scan: <b>a value read from this store must not be mutated</b>, except one the
 * writer got from {@link #get}, which returns the writer's own held value or a copy of the committed one (so a
 * read-modify-write never changes what a query sees before the commit).
 *
 * <p><b>Updates behind the writer</b> ({@link #update}): a read-modify-write the writer does not need the result of is
 * queued and applied in order by the store's updating thread, in batches, while the stream thread goes on; every other
 * call of the writer first waits until the updates it queued are applied, so it reads, scans and commits exactly what
 * it would have had it applied them itself. In a replay, applying an event's five or so fact changes was about a
 * seventh of the stream thread; the other core was not busy (issue 9's benchmark). On a single core they are applied
 * at once.
 */
public final class ObjectStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    /** Marks a key deleted until the next flush. */
    private static final Object DELETED = new Object();

    private final String name;
    private final UnaryOperator<V> copy;
    /**
     * The committed values by key. Most point reads are of a key the store does not hold yet (a new day of a series):
     * a sorted map walked its full depth of string comparisons to say so.
     */
    private final ConcurrentHashMap<String, V> byKey = new ConcurrentHashMap<>();
    /**
     * The committed keys in order, for scans. Only a new key or a deleted one changes it: most writes update a fact
     * that exists, and putting every written value into a sorted map of millions of keys on each commit was the
     * largest share of a replay's stream thread.
     */
    private final ConcurrentSkipListSet<String> sortedKeys = new ConcurrentSkipListSet<>();
    private final Map<String, Object> held = new HashMap<>();
    /** The thread that wrote the held values; only ever the task's stream thread. */
    private Thread writer;
    private volatile boolean open;

    /** Updates per batch handed to the updating thread: waking a thread per event would cost more than the updates. */
    static final int BATCH = 256;
    private static final boolean BEHIND = Runtime.getRuntime().availableProcessors() > 1;
    /** Updates queued by the writer and not handed over yet: key, change, key, change… */
    private final ArrayList<Object> queued = new ArrayList<>(2 * BATCH);
    /** Applies the handed-over batches in order; started with the first update, stopped by {@link #close}. */
    private ExecutorService updater;
    /** The last batch handed over: once it is done, so are those before it (one thread, in order). */
    private Future<?> inFlight;
    /** What an update threw on the updating thread, for the writer's next call to throw. */
    private volatile RuntimeException failed;

    private ObjectStore(String name, UnaryOperator<V> copy) {
        this.name = name;
        this.copy = copy;
    }

    /** A builder of an object store; {@code copy} makes the writer's private copy of a committed value. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> builder(String name, UnaryOperator<V> copy) {
        return new Builder<>(name, copy);
    }

    /** The object store beneath the decorators Kafka Streams hands processors, or an error naming what was found. */
    @SuppressWarnings("unchecked")
    public static <V> ObjectStore<V> unwrap(StateStore store) {
        StateStore s = store;
        while (!(s instanceof ObjectStore) && s instanceof WrappedStateStore<?, ?, ?> w) {
            s = w.wrapped();
        }
        if (s instanceof ObjectStore<?> o) {
            return (ObjectStore<V>) o;
        }
        throw new IllegalArgumentException("store " + store.name() + " is not an object store: " + store.getClass().getName());
    }

    private boolean isWriter() {
        return Thread.currentThread() == writer;
    }

    /**
     * Replaces the writer's value of {@code key} with {@code change} applied to it ({@code null}: none; a {@code null}
     * result deletes the key), later, on the updating thread, in the order of the calls. {@code change} may change the
     * value it is given (the writer's own, as {@link #get} returns it) and must not touch anything the stream thread
     * changes meanwhile; whatever it reads must not change after this call.
     */
    public void update(String key, UnaryOperator<V> change) {
        writer = Thread.currentThread();
        if (!BEHIND) {
            apply(key, change);
            return;
        }
        queued.add(key);
        queued.add(change);
        if (queued.size() >= 2 * BATCH) {
            handOver();
        }
    }

    private void handOver() {
        Object[] batch = queued.toArray();
        queued.clear();
        if (updater == null) {
            // Named after its stream thread, so it is seen as the application's (<application.id>-…).
            String thread = Thread.currentThread().getName() + "-" + name + "-updater";
            updater = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            });
        }
        inFlight = updater.submit(() -> {
            if (failed != null) {
                return; // the writer throws at its next call; later updates would build on a wrong value
            }
            try {
                for (int i = 0; i < batch.length; i += 2) {
                    apply((String) batch[i], changeOf(batch[i + 1]));
                }
            } catch (RuntimeException | Error e) {
                failed = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private UnaryOperator<V> changeOf(Object o) {
        return (UnaryOperator<V>) o;
    }

    private void apply(String key, UnaryOperator<V> change) {
        V next = change.apply(own(key));
        held.put(key, next == null ? DELETED : next);
    }

    /**
     * Waits until every update the writer queued is applied, and throws what one threw. Every call of the writer
     * begins with this: the updating thread's writes are then visible to it (a future's completion happens before its
     * {@code get} returns), and the updating thread is idle until the next batch.
     */
    private void settle() {
        if (!queued.isEmpty()) {
            handOver();
        }
        awaitInFlight();
        RuntimeException e = failed;
        if (e != null) {
            throw new IllegalStateException("store " + name + ": an update failed: " + e.getMessage(), e);
        }
    }

    /** Waits for the last batch handed over (a batch records what it throws in {@link #failed}, never in its future). */
    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while store " + name + " applied updates", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("store " + name + ": a batch of updates failed", e.getCause());
        } finally {
            inFlight = null;
        }
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        discardUpdates();
        held.clear();
        byKey.clear();
        sortedKeys.clear();
        writer = null;
        context.register(root, (key, value) -> {
            throw new IllegalStateException("store " + name + " has no changelog to restore from: it is rebuilt");
        });
        open = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        if (isWriter()) {
            settle();
            return own(key);
        }
        return byKey.get(key);
    }

    /** The writer's value: held, or a copy of the committed one. */
    @SuppressWarnings("unchecked")
    private V own(String key) {
        Object v = held.get(key);
        if (v != null) {
            return v == DELETED ? null : (V) v;
        }
        V c = byKey.get(key);
        return c == null ? null : copy.apply(c);
    }

    @Override
    public void put(String key, V value) {
        if (isWriter()) {
            settle();
        }
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

    /** Moves every held value to the committed map, where queries read. */
    @Override
    @SuppressWarnings("unchecked")
    public void flushCache() {
        if (isWriter()) {
            settle();
        }
        if (held.isEmpty()) {
            return;
        }
        if (!isWriter()) {
            // Kafka Streams commits a task on the thread that processes it; anything else would lose the held values.
            throw new IllegalStateException("store " + name + " flushed by " + Thread.currentThread().getName()
                    + " but written by " + writer.getName());
        }
        for (Map.Entry<String, Object> e : held.entrySet()) {
            if (e.getValue() == DELETED) {
                if (byKey.remove(e.getKey()) != null) {
                    sortedKeys.remove(e.getKey());
                }
            } else if (byKey.put(e.getKey(), (V) e.getValue()) == null) {
                sortedKeys.add(e.getKey());
            }
        }
        held.clear();
    }

    @Override
    public void clearCache() {
        discardUpdates();
        held.clear();
    }

    /** Lets the updating thread finish what it was given and drops what was queued: the held values go too. */
    private void discardUpdates() {
        queued.clear();
        try {
            awaitInFlight();
        } catch (IllegalStateException e) {
            // dropped with the values it was updating (an interrupt stays set)
        } finally {
            failed = null;
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    // Scans read the committed keys in order and their committed values. The writer flushes first, so it sees its own
    // writes; another thread (an interactive query) reads what was last committed — during a commit, a key the commit
    // deletes may be skipped and one it adds may not be seen yet.

    private NavigableSet<String> scanned() {
        if (isWriter()) {
            flushCache();
        }
        return sortedKeys;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return iterator(bounded(scanned(), from, to));
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return iterator(bounded(scanned(), from, to).descendingSet());
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return iterator(scanned());
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return iterator(scanned().descendingSet());
    }

    /** Keys starting with {@code prefix} (a String: the keys are compared as Strings, not as serialized bytes). */
    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        String p = (String) prefix;
        return iterator(scanned().subSet(p, true, p + Character.MAX_VALUE, false));
    }

    private static NavigableSet<String> bounded(NavigableSet<String> keys, String from, String to) {
        if (from != null && to != null) {
            return from.compareTo(to) > 0 ? new TreeSet<>() : keys.subSet(from, true, to, true);
        }
        if (from != null) {
            return keys.tailSet(from, true);
        }
        return to == null ? keys : keys.headSet(to, true);
    }

    private KeyValueIterator<String, V> iterator(NavigableSet<String> keys) {
        Iterator<String> it = keys.iterator();
        return new KeyValueIterator<>() {
            private KeyValue<String, V> next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    String key = it.next();
                    V value = byKey.get(key);
                    if (value != null) { // null: deleted by a commit since the key was listed
                        next = KeyValue.pair(key, value);
                    }
                }
                return next != null;
            }

            @Override
            public KeyValue<String, V> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                KeyValue<String, V> kv = next;
                next = null;
                return kv;
            }

            @Override
            public String peekNextKey() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return next.key;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public long approximateNumEntries() {
        return byKey.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        flushCache();
    }

    @Override
    public void close() {
        open = false;
        discardUpdates();
        if (updater != null) {
            updater.shutdownNow();
            updater = null;
        }
        held.clear();
        byKey.clear();
        sortedKeys.clear();
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    private record Builder<V>(String name, UnaryOperator<V> copy) implements StoreBuilder<KeyValueStore<String, V>> {

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("an object store is its own cache");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("an object store is never logged: its task rebuilds it");
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new ObjectStore<>(name, copy);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
