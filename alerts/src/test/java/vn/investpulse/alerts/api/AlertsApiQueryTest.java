package vn.investpulse.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.investpulse.alerts.message.AlertFactory;
import vn.investpulse.alerts.rules.PlanProgress;
import vn.investpulse.alerts.rules.PlanScope;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.CapitalSource;

class AlertsApiQueryTest {

    private static final Instant T0 = Instant.parse("2023-11-02T03:00:00Z");

    private static Alert alert(CapitalSource source, int year, String threshold, AlertState state, Instant processedAt) {
        PlanScope scope = new PlanScope(source, PlanScope.TOTAL, year);
        PlanProgress progress = new PlanProgress(scope, new BigDecimal("101.00"), new BigDecimal("2000000000"), "USD",
                null, null, null, processedAt);
        return new AlertFactory(Clock.fixed(processedAt, ZoneOffset.UTC)).threshold(state, new BigDecimal(threshold), progress);
    }

    private static AlertsApi.Query parse(Map<String, List<String>> params) {
        return AlertsApi.Query.parse(params);
    }

    @Test
    void filtersAndOrdersNewestFirstWithTopicOrderBreakingTies() {
        AlertHistory history = new AlertHistory();
        history.add(new AlertHistory.Entry(alert(CapitalSource.FDI, 2023, "50", AlertState.FIRING, T0), 0, 10));
        history.add(new AlertHistory.Entry(alert(CapitalSource.FDI, 2023, "75", AlertState.FIRING, T0), 0, 11));
        history.add(new AlertHistory.Entry(alert(CapitalSource.DDI, 2023, "50", AlertState.FIRING, T0.plusSeconds(5)), 0, 12));
        history.add(new AlertHistory.Entry(alert(CapitalSource.FDI, 2023, "75", AlertState.RESOLVED, T0.plusSeconds(60)), 0, 13));
        history.add(new AlertHistory.Entry(alert(CapitalSource.FDI, 2024, "50", AlertState.FIRING, T0.plusSeconds(90)), 0, 14));

        AlertsApi.Query fdi2023 = parse(Map.of("source", List.of("FDI"), "year", List.of("2023")));
        assertThat(history.query(fdi2023, fdi2023.limit())).extracting(a -> a.getId() + ":" + a.getState()).containsExactly(
                "PLAN_THRESHOLD:FDI:TOTAL:2023:75:RESOLVED",
                "PLAN_THRESHOLD:FDI:TOTAL:2023:75:FIRING",
                "PLAN_THRESHOLD:FDI:TOTAL:2023:50:FIRING");
        AlertsApi.Query firing = parse(Map.of("source", List.of("fdi"), "year", List.of("2023"), "state", List.of("FIRING"), "limit", List.of("1")));
        assertThat(history.query(firing, firing.limit())).extracting(Alert::getId).containsExactly("PLAN_THRESHOLD:FDI:TOTAL:2023:75");
        AlertsApi.Query all = parse(Map.of());
        assertThat(history.query(all, all.limit())).hasSize(5);
    }

    @Test
    void malformedParametersSayWhatIsExpected() {
        assertThatThrownBy(() -> parse(Map.of("source", List.of("ALL")))).hasMessageContaining("source must be one of [FDI, DDI]");
        assertThatThrownBy(() -> parse(Map.of("year", List.of("2023a")))).hasMessageContaining("four-digit year");
        assertThatThrownBy(() -> parse(Map.of("state", List.of("OPEN")))).hasMessageContaining("[FIRING, RESOLVED]");
        assertThatThrownBy(() -> parse(Map.of("kind", List.of("X")))).hasMessageContaining("PLAN_PACE");
        assertThatThrownBy(() -> parse(Map.of("limit", List.of("5000")))).hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> parse(Map.of("year", List.of("2023", "2024")))).hasMessageContaining("given 2 times");
    }
}
