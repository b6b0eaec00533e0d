package vn.investpulse.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.figures.FigureCalculator;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.IndicatorSource;

class IndicatorJsonTest {

    @Test
    void aPeriodWithoutDataIsZerosUnderExactlyTheContractNames() throws Exception {
        Figures f = new FigureCalculator(IndicatorSource.DDI, new TreeMap<>()).figures(PeriodId.parse("2023-Q1"), null);
        JsonNode json = IndicatorJson.MAPPER.readTree(IndicatorJson.write(IndicatorJson.figures(f)));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("source", "period", "periodStart", "periodEnd", "newProjects", "capitalIncreases",
                "capitalDecreases", "sharePurchases", "terminations", "newCapitalUsd", "newCapitalVnd", "adjustedCapitalUsd",
                "adjustedCapitalVnd", "sharePurchaseCapitalUsd", "sharePurchaseCapitalVnd", "totalCapitalUsd", "totalCapitalVnd",
                "planAmount", "planCurrency", "planProgressPct", "yoyGrowthPct", "cumulativeProjects", "cumulativeCapitalUsd",
                "cumulativeCapitalVnd");
        assertThat(json.get("totalCapitalVnd").isNumber()).isTrue();
        assertThat(json.get("totalCapitalVnd").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(json.get("periodEnd").asText()).isEqualTo("2023-03-31");
        assertThat(json.get("planProgressPct").isNull()).isTrue();
        assertThat(IndicatorJson.write(IndicatorJson.figures(f))).contains("\"newCapitalUsd\":0.000000");
    }
}
