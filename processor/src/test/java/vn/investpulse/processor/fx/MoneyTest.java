package vn.investpulse.processor.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private final FxTable rates = new FxTable()
            .put("USD", LocalDate.of(2023, 1, 1), "23500")
            .put("USD", LocalDate.of(2023, 7, 1), "24000")
            .put("JPY", LocalDate.of(2023, 1, 1), "175.5");

    @Test
    void usesTheLatestRateOnOrBeforeTheDate() {
        assertThat(rates.vndPerUnit("USD", LocalDate.of(2023, 6, 30))).contains(new BigDecimal("23500"));
        assertThat(rates.vndPerUnit("USD", LocalDate.of(2023, 7, 1))).contains(new BigDecimal("24000"));
        assertThat(rates.vndPerUnit("USD", LocalDate.of(2022, 12, 31))).isEmpty();
        assertThat(rates.vndPerUnit("VND", LocalDate.of(1990, 1, 1))).contains(BigDecimal.ONE);
    }

    @Test
    void convertsUsdVndAndOtherCurrenciesThroughVnd() {
        Money usd = Money.convert(new BigDecimal("10"), "USD", LocalDate.of(2023, 8, 1), rates);
        assertThat(usd.usd()).isEqualByComparingTo("10");
        assertThat(usd.vnd()).isEqualByComparingTo("240000");

        Money vnd = Money.convert(new BigDecimal("100000"), "VND", LocalDate.of(2023, 3, 1), rates);
        assertThat(vnd.vnd()).isEqualByComparingTo("100000");
        assertThat(vnd.usd()).isEqualByComparingTo(new BigDecimal("100000").divide(new BigDecimal("23500"), MathContext.DECIMAL128));

        Money jpy = Money.convert(new BigDecimal("1000"), "JPY", LocalDate.of(2023, 3, 1), rates);
        assertThat(jpy.vnd()).isEqualByComparingTo("175500");
        assertThat(jpy.usd()).isEqualByComparingTo(new BigDecimal("175500").divide(new BigDecimal("23500"), MathContext.DECIMAL128));
    }

    @Test
    void aMissingRateIsAnErrorNamingCurrencyAndDate() {
        assertThatThrownBy(() -> Money.convert(BigDecimal.ONE, "EUR", LocalDate.of(2023, 3, 1), rates))
                .isInstanceOf(MissingRateException.class).hasMessageContaining("EUR").hasMessageContaining("2023-03-01");
        assertThatThrownBy(() -> Money.convert(BigDecimal.ONE, "VND", LocalDate.of(2022, 3, 1), rates))
                .hasMessageContaining("USD");
    }

    @Test
    void convertingAtTheRatesInForceIsConvertingAtTheDate() {
        for (String currency : new String[] {"USD", "VND", "JPY"}) {
            for (LocalDate date : new LocalDate[] {LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 7, 1)}) {
                BigDecimal amount = new BigDecimal("1234567.891");
                assertThat(Money.convert(amount, rates.inForce(currency, date)))
                        .as("%s %s", currency, date).isEqualTo(Money.convert(amount, currency, date, rates));
            }
        }
    }
}
