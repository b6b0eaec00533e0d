package vn.investpulse.processor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.figures.MonthFacts;

class ObjectStoreTest {

    private final KeyValueStore<String, MonthFacts> store = ObjectStore.builder("facts", MonthFacts::copy).build();

    @Test
    void queriesOnOtherThreadsSeeOnlyWhatWasCommitted() throws Exception {
        store.put("FDI|TOTAL||2023-03-01", facts(1));
        assertThat(store.get("FDI|TOTAL||2023-03-01").newProjects).as("the writer sees its own write").isEqualTo(1);
        assertThat(onAnotherThread(() -> store.get("FDI|TOTAL||2023-03-01"))).as("not committed yet").isNull();

        ((ObjectStore<MonthFacts>) store).flushCache();
        assertThat(onAnotherThread(() -> store.get("FDI|TOTAL||2023-03-01")).newProjects).isEqualTo(1);

        store.delete("FDI|TOTAL||2023-03-01");
        assertThat(store.get("FDI|TOTAL||2023-03-01")).isNull();
        assertThat(onAnotherThread(() -> store.get("FDI|TOTAL||2023-03-01"))).as("the delete is not committed yet").isNotNull();
        ((ObjectStore<MonthFacts>) store).flushCache();
        assertThat(onAnotherThread(() -> store.get("FDI|TOTAL||2023-03-01"))).isNull();
    }

    @Test
    void theWriterModifiesACopyOfACommittedValueNeverTheCommittedValue() throws Exception {
        store.put("k", facts(1));
        ((ObjectStore<MonthFacts>) store).flushCache();
        MonthFacts mine = store.get("k");
        mine.add(facts(5)); // read-modify-write, as the facts updater does
        assertThat(onAnotherThread(() -> store.get("k")).newProjects).as("before the put").isEqualTo(1);
        store.put("k", mine);
        assertThat(onAnotherThread(() -> store.get("k")).newProjects).as("before the commit").isEqualTo(1);
        ((ObjectStore<MonthFacts>) store).flushCache();
        assertThat(onAnotherThread(() -> store.get("k")).newProjects).isEqualTo(6);
    }

    @Test
    void theWriterScansWhatItWroteInKeyOrder() {
        store.put("FDI|ZONE|VSIP|2023-01-02", facts(1));
        store.put("FDI|ZONE|DEEP_C|2023-01-03", facts(2));
        store.put("FDI|ZONE|DEEP_C|2023-01-01", facts(3));
        store.put("FDI|ZONEX|A|2023-01-01", facts(4));
        assertThat(keys(store.prefixScan("FDI|ZONE|DEEP_C|", new StringSerializer())))
                .containsExactly("FDI|ZONE|DEEP_C|2023-01-01", "FDI|ZONE|DEEP_C|2023-01-03");
        assertThat(keys(store.range("FDI|ZONE|DEEP_C|2023-01-02", "FDI|ZONE|VSIP|2023-01-02")))
                .containsExactly("FDI|ZONE|DEEP_C|2023-01-03", "FDI|ZONE|VSIP|2023-01-02");
        assertThat(keys(store.reverseAll())).first().isEqualTo("FDI|ZONE|VSIP|2023-01-02"); // "|" sorts after "X"
        assertThat(store.approximateNumEntries()).isEqualTo(4);
    }

    @Test
    void aFlushFromAnotherThreadThanTheWriterIsRefusedNotLost() {
        store.put("k", facts(1));
        assertThatThrownBy(() -> {
            try {
                CompletableFuture.runAsync(() -> ((ObjectStore<MonthFacts>) store).flushCache()).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("written by");
        assertThat(store.get("k").newProjects).isEqualTo(1);
    }

    private static MonthFacts facts(int newProjects) {
        MonthFacts f = new MonthFacts();
        f.newProjects = newProjects;
        return f;
    }

    private static <T> T onAnotherThread(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
    }

    private static List<String> keys(KeyValueIterator<String, MonthFacts> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }
}
