package vn.investpulse.alerts.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.investpulse.alerts.rules.PlanScope;
import vn.investpulse.schemas.CapitalSource;

class AlertMessagesTest {

    private static final PlanScope FDI_2023 = new PlanScope(CapitalSource.FDI, PlanScope.TOTAL, 2023);
    private static final BigDecimal TWO_BN_USD = new BigDecimal("2000000000.000000");

    @Test
    void thresholdReachedAsTheAuthorityWritesIt() {
        AlertMessages.Message m = AlertMessages.thresholdReached(FDI_2023, new BigDecimal("100.00"), TWO_BN_USD, "USD");
        assertThat(m.vi()).isEqualTo("Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)");
        assertThat(m.en()).isEqualTo("FDI 2023 reached 100% of plan (USD 2 bn)");
    }

    @Test
    void thresholdLostSaysWhereProgressStands() {
        AlertMessages.Message m = AlertMessages.thresholdLost(FDI_2023, new BigDecimal("100.00"), new BigDecimal("95.5"), TWO_BN_USD, "USD");
        assertThat(m.vi()).isEqualTo("Vốn FDI năm 2023 đã xuống dưới 100% kế hoạch (2 tỷ USD): hiện đạt 95,50%");
        assertThat(m.en()).isEqualTo("FDI 2023 fell back below 100% of plan (USD 2 bn): now 95.50%");
    }

    @Test
    void zoneScopeAndDdiInDong() {
        PlanScope deepC = new PlanScope(CapitalSource.DDI, "DEEP_C", 2024);
        AlertMessages.Message m = AlertMessages.thresholdReached(deepC, new BigDecimal("50.00"), new BigDecimal("10000000000000"), "VND");
        assertThat(m.vi()).isEqualTo("Vốn DDI năm 2024 tại DEEP_C đã đạt 50% kế hoạch (10.000 tỷ đồng)");
        assertThat(m.en()).isEqualTo("DDI 2024 in DEEP_C reached 50% of plan (VND 10,000 bn)");
    }

    @Test
    void paceMessages() {
        PlanScope fdi2026 = new PlanScope(CapitalSource.FDI, PlanScope.TOTAL, 2026);
        AlertMessages.Message behind = AlertMessages.behindPace(fdi2026, new BigDecimal("10.60"), new BigDecimal("20.00"));
        assertThat(behind.vi()).isEqualTo("Vốn FDI năm 2026 chậm so với tiến độ kế hoạch: 10,60% so với 20,00% dự kiến");
        assertThat(behind.en()).isEqualTo("FDI 2026 is behind plan pace: 10.60% against 20.00% expected");
        AlertMessages.Message back = AlertMessages.backOnPace(fdi2026, new BigDecimal("21"), new BigDecimal("20.00"));
        assertThat(back.vi()).isEqualTo("Vốn FDI năm 2026 đã theo kịp tiến độ kế hoạch: 21,00% so với 20,00% dự kiến");
        assertThat(back.en()).isEqualTo("FDI 2026 is back on plan pace: 21.00% against 20.00% expected");
    }
}
