package vn.investpulse.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.investpulse.processor.testing.AuthorityScenario.bd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.processor.testing.AuthorityScenario;
import vn.investpulse.processor.testing.ProcessorDriver;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.Indicator;

/** The Authority's 2023 report, figure by figure, from the emitted indicators. */
@ExtendWith(EmbeddedPlatformExtension.class)
class AuthorityScenarioTest {

    static final BigDecimal R22 = bd(AuthorityScenario.RATE_2022);
    static final BigDecimal R23 = bd(AuthorityScenario.RATE_2023);

    static ProcessorDriver load(ProcessorDriver p) {
        p.rate("USD", "2022-01-01", AuthorityScenario.RATE_2022).rate("USD", "2023-01-01", AuthorityScenario.RATE_2023);
        p.plan(CapitalSource.FDI, 2023, null, AuthorityScenario.FDI_PLAN, "USD");
        p.plan(CapitalSource.FDI, 2024, null, AuthorityScenario.FDI_PLAN, "USD");
        p.plan(CapitalSource.DDI, 2023, null, AuthorityScenario.DDI_PLAN_2023, "VND");
        p.pipe(AuthorityScenario.events());
        p.emit();
        return p;
    }

    @Test
    void theReportFiguresComeOutExactly(EmbeddedPlatform platform, @TempDir Path stateDir) {
        try (ProcessorDriver p = load(new ProcessorDriver(platform.topics(), platform.serdes(), stateDir))) {
            assertThat(p.deadLetters()).isEmpty();
            p.assertEmittedMatchStores();

            Indicator fdi = p.latest("FDI|TOTAL||YEAR|2023");
            assertThat(fdi.getPeriodStart()).hasToString("2023-01-01");
            assertThat(fdi.getPeriodEnd()).hasToString("2023-12-31");
            assertThat(fdi.getNewProjects()).isEqualTo(62);
            assertThat(fdi.getCapitalIncreases()).isEqualTo(37);
            assertThat(fdi.getCapitalDecreases()).isZero();
            assertThat(fdi.getSharePurchases()).isZero();
            assertThat(fdi.getTerminations()).isEqualTo(1);
            assertThat(fdi.getNewCapitalUsd()).isEqualByComparingTo("2480000000");
            assertThat(fdi.getNewCapitalVnd()).isEqualByComparingTo(bd("2480000000").multiply(R23));
            assertThat(fdi.getAdjustedCapitalUsd()).isEqualByComparingTo("1020000000");
            assertThat(fdi.getAdjustedCapitalVnd()).isEqualByComparingTo(bd("1020000000").multiply(R23));
            assertThat(fdi.getSharePurchaseCapitalUsd()).isEqualByComparingTo("0");
            assertThat(fdi.getSharePurchaseCapitalVnd()).isEqualByComparingTo("0");
            assertThat(fdi.getTotalCapitalUsd()).isEqualByComparingTo("3500000000"); // 3,5 tỷ USD
            assertThat(fdi.getTotalCapitalVnd()).isEqualByComparingTo("82250000000000");
            assertThat(fdi.getPlanAmount()).isEqualByComparingTo("2000000000");
            assertThat(fdi.getPlanCurrency()).isEqualTo("USD");
            assertThat(fdi.getPlanProgressPct()).isEqualByComparingTo("175.00");
            assertThat(fdi.getYoyGrowthPct()).isEqualByComparingTo("140.00");
            // Lũy kế: 25 + 62 projects, one 2022 project (50 M USD) terminated in June 2023.
            BigDecimal fdi2022 = bd("1250000000").add(bd("20833333.333333").multiply(BigDecimal.TEN));
            assertThat(fdi.getCumulativeProjects()).isEqualTo(86);
            assertThat(fdi.getCumulativeCapitalUsd()).isEqualByComparingTo(fdi2022.add(bd("3500000000")).subtract(bd("50000000")));
            assertThat(fdi.getCumulativeCapitalVnd()).isEqualByComparingTo(
                    fdi2022.subtract(bd("50000000")).multiply(R22).add(bd("3500000000").multiply(R23)));
            assertThat(p.latest("FDI|TOTAL||MONTH|2023-05").getCumulativeProjects()).isEqualTo(25 + 27); // 62 projects in months 1..12 in turn: 27 by May
            assertThat(p.latest("FDI|TOTAL||MONTH|2023-06").getCumulativeProjects()).isEqualTo(25 + 32 - 1);

            Indicator ddi = p.latest("DDI|TOTAL||YEAR|2023");
            assertThat(ddi.getNewProjects()).isEqualTo(15);
            assertThat(ddi.getCapitalIncreases()).isEqualTo(15);
            assertThat(ddi.getTerminations()).isZero();
            assertThat(ddi.getNewCapitalVnd()).isEqualByComparingTo("15000000000000");
            assertThat(ddi.getAdjustedCapitalVnd()).isEqualByComparingTo("8847000000000");
            assertThat(ddi.getTotalCapitalVnd()).isEqualByComparingTo("23847000000000"); // 23.847 tỷ đồng
            BigDecimal ddiUsd = bd("23847000000000").divide(R23, MathContext.DECIMAL128);
            assertThat(ddi.getTotalCapitalUsd()).isEqualByComparingTo(ddiUsd.setScale(6, RoundingMode.HALF_UP)); // trên 1 tỷ USD
            assertThat(ddi.getTotalCapitalUsd()).isGreaterThan(bd("1000000000"));
            assertThat(ddi.getPlanAmount()).isEqualByComparingTo(AuthorityScenario.DDI_PLAN_2023);
            assertThat(ddi.getPlanCurrency()).isEqualTo("VND");
            assertThat(ddi.getPlanProgressPct()).isEqualByComparingTo("238.47");
            assertThat(ddi.getYoyGrowthPct()).isEqualByComparingTo("192.00");
            assertThat(ddi.getCumulativeProjects()).isEqualTo(25);

            Indicator all = p.latest("ALL|TOTAL||YEAR|2023");
            assertThat(all.getNewProjects()).isEqualTo(77);
            assertThat(all.getCapitalIncreases()).isEqualTo(52);
            assertThat(all.getTotalCapitalUsd()).isEqualByComparingTo(bd("3500000000").add(ddiUsd).setScale(6, RoundingMode.HALF_UP));
            assertThat(all.getPlanAmount()).isNull();
            assertThat(all.getPlanProgressPct()).isNull();
            assertThat(all.getCumulativeProjects()).isEqualTo(86 + 25);

            Indicator q1 = p.latest("FDI|TOTAL||QUARTER|2024-Q1");
            assertThat(q1.getTotalCapitalUsd()).isEqualByComparingTo("212000000");
            assertThat(q1.getPlanProgressPct()).isEqualByComparingTo("10.60");
            assertThat(q1.getYoyGrowthPct()).isNotNull();

            // Zones add up to the total; DEEP_C has projects 0, 3, 6, ... of each kind.
            BigDecimal zones = BigDecimal.ZERO;
            for (String zone : AuthorityScenario.ZONES) {
                zones = zones.add(p.latest("FDI|ZONE|" + zone + "|YEAR|2023").getTotalCapitalUsd());
            }
            assertThat(zones).isEqualByComparingTo("3500000000");
            // DEEP_C: new projects i = 0,3,...,60 (21 x 40 M) and increases i = 0,3,...,36 (13: 12 x 27.5 M + the 30 M one).
            assertThat(p.latest("FDI|ZONE|DEEP_C|YEAR|2023").getNewProjects()).isEqualTo(21);
            assertThat(p.latest("FDI|ZONE|DEEP_C|YEAR|2023").getTotalCapitalUsd())
                    .isEqualByComparingTo(bd("840000000").add(bd("330000000")).add(bd("30000000")));
            assertThat(p.latest("FDI|SECTION|C|YEAR|2023").getNewProjects()).isEqualTo(42);
            assertThat(p.latest("FDI|COUNTRY|KR|YEAR|2023").getNewProjects()).isEqualTo(16);
        }
    }
}
