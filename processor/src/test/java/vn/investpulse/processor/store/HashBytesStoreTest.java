package vn.investpulse.processor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class HashBytesStoreTest {

    private final KeyValueStore<Bytes, byte[]> store = HashBytesStore.supplier("projects").get();

    @Test
    void pointReadsWritesAndDeletes() {
        store.put(key("GCN-2"), value("b"));
        assertThat(store.putIfAbsent(key("GCN-2"), value("c"))).isEqualTo(value("b"));
        assertThat(store.putIfAbsent(key("GCN-3"), value("c"))).isNull();
        assertThat(store.get(key("GCN-3"))).isEqualTo(value("c"));
        store.put(key("GCN-3"), null);
        assertThat(store.get(key("GCN-3"))).isNull();
        assertThat(store.delete(key("GCN-2"))).isEqualTo(value("b"));
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void scansAreInKeyOrder() {
        for (String k : List.of("GCN-3", "GCN-1", "X-1", "GCN-2")) {
            store.put(key(k), value(k));
        }
        assertThat(keys(store.all())).containsExactly("GCN-1", "GCN-2", "GCN-3", "X-1");
        assertThat(keys(store.reverseAll())).containsExactly("X-1", "GCN-3", "GCN-2", "GCN-1");
        assertThat(keys(store.range(key("GCN-2"), key("X-0")))).containsExactly("GCN-2", "GCN-3");
        assertThat(keys(store.prefixScan("GCN-", new StringSerializer()))).containsExactly("GCN-1", "GCN-2", "GCN-3");
    }

    private static Bytes key(String k) {
        return Bytes.wrap(k.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] value(String v) {
        return v.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(KeyValueIterator<Bytes, byte[]> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> out.add(new String(kv.key.get(), StandardCharsets.UTF_8)));
        }
        return out;
    }
}
