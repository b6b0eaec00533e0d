package vn.investpulse.processor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.store.CompactSerdes;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;

/** A starting task gets its projects back from the entries store, which gives the entries in no particular order. */
class ProjectEntryTest {

    private static ProjectEvent entry(String id, EventType type, String zone, String date) {
        return new ProjectEvent(id, type, CapitalSource.FDI, zone, "C26", "KR", LocalDate.parse(date),
                type == EventType.TERMINATION ? null : "USD", type == EventType.TERMINATION ? null : new BigDecimal("12.50"));
    }

    @Test
    void eachProjectGetsItsEntriesBackInTheOrderTheyWereCountedWhateverOrderTheStoreGives() {
        // Two NEW entries of the same date: the first counted registers the project (its zone), so order matters.
        List<ProjectEntry> stored = new ArrayList<>(List.of(
                new ProjectEntry("GCN-1", 0, entry("a", EventType.NEW, "DEEP_C", "2023-02-10")),
                new ProjectEntry("GCN-1", 1, entry("b", EventType.NEW, "VSIP", "2023-02-10")),
                new ProjectEntry("GCN-1", 2, entry("c", EventType.CAPITAL_INCREASE, "VSIP", "2023-03-01")),
                new ProjectEntry("GCN-2", 0, entry("d", EventType.NEW, "TRANG_DUE", "2022-01-01")),
                new ProjectEntry("GCN-2", 1, entry("e", EventType.TERMINATION, "TRANG_DUE", "2024-01-01"))));
        Random random = new Random(7);
        for (int shuffle = 0; shuffle < 20; shuffle++) {
            Collections.shuffle(stored, random);
            Map<String, ProjectState> projects = ProjectEntry.projects(stored.iterator());
            assertThat(projects).containsOnlyKeys("GCN-1", "GCN-2");
            assertThat(projects.get("GCN-1").events()).extracting(ProjectEvent::eventId).containsExactly("a", "b", "c");
            assertThat(projects.get("GCN-2").events()).extracting(ProjectEvent::eventId).containsExactly("d", "e");
        }
    }

    @Test
    void anEntryReadsBackAsItWasStored() {
        var serde = CompactSerdes.projectEntry();
        for (ProjectEntry e : List.of(new ProjectEntry("GCN-1", 3, entry("a", EventType.NEW, "DEEP_C", "2023-02-10")),
                new ProjectEntry("GCN/2023/ĐT", 0, entry("b", EventType.TERMINATION, "VSIP", "1999-12-31")))) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", e))).isEqualTo(e);
        }
    }
}
