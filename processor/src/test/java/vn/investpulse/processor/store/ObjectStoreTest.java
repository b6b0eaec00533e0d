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

    @Test
    void updatesBehindTheWriterAreAppliedInOrderBeforeItsNextReadScanOrCommit() throws Exception {
        ObjectStore<MonthFacts> behind = (ObjectStore<MonthFacts>) store;
        store.put("k", facts(1));
        behind.flushCache();
        // More than a batch, so most are applied on the updating thread while this one goes on.
        int updates = 3 * ObjectStore.BATCH + 7;
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < updates; i++) {
            int n = i;
            behind.update("k", current -> {
                threads.add(Thread.currentThread().getName());
                // Order matters: x -> 2x + (n % 2) gives another value for any other order of the same updates.
                current.newProjects = 2 * current.newProjects % 1_000_003 + n % 2;
                return current;
            });
            behind.update("new-" + (n % 5), current -> {
                MonthFacts f = current == null ? new MonthFacts() : current;
                f.capitalIncreases++;
                return f;
            });
        }
        behind.update("gone", current -> null);
        int expected = 1;
        for (int i = 0; i < updates; i++) {
            expected = 2 * expected % 1_000_003 + i % 2;
        }
        assertThat(store.get("k").newProjects).as("the writer reads every update it queued, in order").isEqualTo(expected);
        assertThat(onAnotherThread(() -> store.get("k")).newProjects).as("queries: only what was committed").isEqualTo(1);
        assertThat(keys(store.prefixScan("new-", new StringSerializer()))).hasSize(5);
        behind.flushCache();
        assertThat(onAnotherThread(() -> store.get("k")).newProjects).isEqualTo(expected);
        assertThat(onAnotherThread(() -> store.get("new-3")).capitalIncreases).isEqualTo(updates / 5 + (3 < updates % 5 ? 1 : 0));
        assertThat(store.get("gone")).isNull();
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(threads).as("applied behind the writer").allMatch(t -> t.endsWith("-facts-updater"));
        }
    }

    @Test
    void anUpdateThatFailsFailsTheWritersNextCallAndNothingAfterItIsApplied() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "on a single core updates are applied at once, and a failing one throws to its caller");
        ObjectStore<MonthFacts> behind = (ObjectStore<MonthFacts>) store;
        behind.update("a", current -> facts(1));
        behind.update("b", current -> {
            throw new ArithmeticException("overflow in b");
        });
        behind.update("c", current -> facts(3));
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store facts: an update failed").hasRootCauseInstanceOf(ArithmeticException.class);
        assertThatThrownBy(behind::flushCache).as("until the task is revived, every call says so")
                .hasMessageContaining("overflow in b");
        behind.clearCache(); // what Kafka Streams does with a task it revives: the held values and the failure are dropped
        assertThat(store.get("c")).isNull();
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
