package vn.investpulse.alerts.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberStyleTest {

    private static final NumberStyle VI = NumberStyle.VIETNAMESE;
    private static final NumberStyle EN = NumberStyle.ENGLISH;

    @Test
    void percentagesKeepTwoDecimalsWithTheLocalSeparator() {
        assertThat(VI.percent(new BigDecimal("10.6"))).isEqualTo("10,60%");
        assertThat(EN.percent(new BigDecimal("10.6"))).isEqualTo("10.60%");
        assertThat(VI.percent(new BigDecimal("1175.005"))).isEqualTo("1.175,01%");
        assertThat(EN.percent(new BigDecimal("1175.005"))).isEqualTo("1,175.01%");
    }

    @Test
    void thresholdsAreWrittenAsShortAsTheyAreExact() {
        assertThat(VI.thresholdPercent(new BigDecimal("100.00"))).isEqualTo("100%");
        assertThat(VI.thresholdPercent(new BigDecimal("12.50"))).isEqualTo("12,5%");
        assertThat(EN.thresholdPercent(new BigDecimal("12.50"))).isEqualTo("12.5%");
    }

    @Test
    void usdPlansInBillionsAndMillions() {
        assertThat(VI.amount(new BigDecimal("2000000000.000000"), "USD")).isEqualTo("2 tỷ USD");
        assertThat(EN.amount(new BigDecimal("2000000000.000000"), "USD")).isEqualTo("USD 2 bn");
        assertThat(VI.amount(new BigDecimal("3500000000"), "USD")).isEqualTo("3,5 tỷ USD");
        assertThat(EN.amount(new BigDecimal("3500000000"), "USD")).isEqualTo("USD 3.5 bn");
        assertThat(VI.amount(new BigDecimal("212000000"), "USD")).isEqualTo("212 triệu USD");
        assertThat(EN.amount(new BigDecimal("212000000"), "USD")).isEqualTo("USD 212 m");
        assertThat(VI.amount(new BigDecimal("750000"), "USD")).isEqualTo("750.000 USD");
        assertThat(EN.amount(new BigDecimal("750000"), "USD")).isEqualTo("USD 750,000");
    }

    @Test
    void vndPlansInBillionsOfDong() {
        assertThat(VI.amount(new BigDecimal("10000000000000.000000"), "VND")).isEqualTo("10.000 tỷ đồng");
        assertThat(EN.amount(new BigDecimal("10000000000000.000000"), "VND")).isEqualTo("VND 10,000 bn");
        assertThat(VI.amount(new BigDecimal("23847500000000"), "VND")).isEqualTo("23.847,5 tỷ đồng");
        assertThat(VI.amount(new BigDecimal("500000000"), "VND")).isEqualTo("500 triệu đồng");
    }

    @Test
    void roundsHalfUpNeverThroughDoubles() {
        // 2.005 is 2.00499999... as a double; as a decimal it rounds up.
        assertThat(VI.number(new BigDecimal("2.005"), 2, 2)).isEqualTo("2,01");
        assertThat(EN.number(new BigDecimal("-1234567.125"), 2, 2)).isEqualTo("-1,234,567.13");
    }
}
