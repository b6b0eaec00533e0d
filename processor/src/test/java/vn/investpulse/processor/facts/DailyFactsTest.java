package vn.investpulse.processor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;

/** The rebuild a starting task does must give exactly the facts the incremental path built, entry by entry. */
class DailyFactsTest {

    @Test
    void rebuildingFromTheProjectsGivesWhatTheChangesBuiltInRandomRegisters() {
        Random random = new Random(20261121L);
        EventType[] types = EventType.values();
        String[] zones = {"DEEP_C", "VSIP", "TRANG_DUE"};
        for (int register = 0; register < 200; register++) {
            Map<String, ProjectState> projects = new HashMap<>();
            Map<String, MonthFacts> incremental = new HashMap<>();
            int entries = 1 + random.nextInt(60);
            for (int i = 0; i < entries; i++) {
                String cert = "GCN-" + random.nextInt(8);
                EventType type = types[random.nextInt(types.length)];
                boolean term = type == EventType.TERMINATION;
                boolean fdi = random.nextInt(3) > 0;
                ProjectEvent e = new ProjectEvent("r" + register + "e" + i, type, fdi ? CapitalSource.FDI : CapitalSource.DDI,
                        zones[random.nextInt(zones.length)], random.nextBoolean() ? "C26" : "H52", fdi ? (random.nextBoolean() ? "KR" : "JP") : "VN",
                        LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000)), term ? null : (fdi ? "USD" : "VND"),
                        term ? null : BigDecimal.valueOf(1 + random.nextInt(1000)));
                ProjectState before = projects.getOrDefault(cert, ProjectState.empty());
                Contributions.changes(before, e).forEach((k, f) -> incremental.computeIfAbsent(k, x -> new MonthFacts()).add(f));
                incremental.values().removeIf(MonthFacts::isEmpty);
                projects.put(cert, before.with(e));
            }
            List<ProjectState> stored = new ArrayList<>(projects.values());
            assertThat(DailyFacts.of(stored.iterator())).as("register %d", register).isEqualTo(incremental);
        }
    }

    @Test
    void noProjectsNoFacts() {
        assertThat(DailyFacts.of(List.<ProjectState>of().iterator())).isEmpty();
    }
}
