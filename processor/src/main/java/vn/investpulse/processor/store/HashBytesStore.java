package vn.investpulse.processor.store;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory bytes store on a hash map, for stores read and written by key only (the event ids, the projects): Kafka
 * Streams wraps it as usual (metered, changelogged) and restores it from its changelog when a task starts.
 *
 * <p>Why: Kafka Streams' in-memory store is a sorted tree under one lock. With a million event ids and hundreds of
 * thousands of projects, each lookup walked some twenty byte-array comparisons, two lookups per event per store.
 * Scans, which only a rebuild does, sort the matching keys.
 */
public final class HashBytesStore implements KeyValueStore<Bytes, byte[]> {

    private final String name;
    private final ConcurrentHashMap<Bytes, byte[]> map = new ConcurrentHashMap<>();
    private volatile boolean open;

    private HashBytesStore(String name) {
        this.name = name;
    }

    /** A supplier for {@code Stores.keyValueStoreBuilder}. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new HashBytesStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-memory-hash";
            }
        };
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        map.clear();
        context.register(root, (key, value) -> {
            if (value == null) {
                map.remove(Bytes.wrap(key));
            } else {
                map.put(Bytes.wrap(key), value);
            }
        });
        open = true;
    }

    @Override
    public byte[] get(Bytes key) {
        return map.get(key);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        return value == null ? map.get(key) : map.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        return map.remove(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return sorted(k -> (from == null || k.compareTo(from) >= 0) && (to == null || k.compareTo(to) <= 0), false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return sorted(k -> (from == null || k.compareTo(from) >= 0) && (to == null || k.compareTo(to) <= 0), true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return sorted(k -> true, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return sorted(k -> true, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        byte[] p = prefixKeySerializer.serialize(null, prefix);
        return sorted(k -> startsWith(k.get(), p), false);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The matching entries as of now, in key order (a snapshot: writes during the iteration are not seen). */
    private KeyValueIterator<Bytes, byte[]> sorted(Predicate<Bytes> matches, boolean reverse) {
        Comparator<Map.Entry<Bytes, byte[]>> order = Map.Entry.comparingByKey();
        List<KeyValue<Bytes, byte[]>> entries = map.entrySet().stream().filter(e -> matches.test(e.getKey()))
                .sorted(reverse ? order.reversed() : order).map(e -> KeyValue.pair(e.getKey(), e.getValue())).toList();
        Iterator<KeyValue<Bytes, byte[]>> it = entries.iterator();
        return new KeyValueIterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<Bytes, byte[]> next() {
                next++;
                return it.next();
            }

            @Override
            public Bytes peekNextKey() {
                if (next >= entries.size()) {
                    throw new NoSuchElementException();
                }
                return entries.get(next).key;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
    }

    @Override
    public void close() {
        open = false;
        map.clear();
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
}
