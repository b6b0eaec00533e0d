package vn.investpulse.processor.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.MissingRateException;
import vn.investpulse.processor.fx.Money;

class BucketsTest {

    /** USD: 23,000 VND until 14 March 2023, 24,000 from 15 March; JPY: 170 VND throughout; nothing before 2023. */
    private static final FxRates RATES = (currency, date) -> {
        if (date.isBefore(LocalDate.of(2023, 1, 1))) {
            return Optional.empty();
        }
        return switch (currency) {
            case FxRates.VND -> Optional.of(BigDecimal.ONE);
            case FxRates.USD -> Optional.of(new BigDecimal(date.isBefore(LocalDate.of(2023, 3, 15)) ? "23000" : "24000"));
            case "JPY" -> Optional.of(new BigDecimal("170"));
            default -> Optional.empty();
        };
    };

    @Test
    void aMonthConvertsEveryAmountAtTheRateInForceOnItsOwnDate() {
        Buckets b = new Buckets();
        Money expected = Money.ZERO;
        for (int day = 1; day <= 31; day++) {
            LocalDate date = LocalDate.of(2023, 3, day);
            for (String currency : new String[] {"VND", "USD", "JPY"}) {
                BigDecimal amount = new BigDecimal(1_000_003L * day + currency.length());
                b.add(new CurrencyDate(currency, date), amount);
                expected = expected.plus(Money.convert(amount, currency, date, RATES));
            }
        }
        Money converted = b.convert(RATES);
        assertThat(converted.vnd()).isEqualByComparingTo(expected.vnd()); // exact: multiplications only
        assertThat(converted.usd().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo(expected.usd().setScale(6, RoundingMode.HALF_UP));
        // 31 days of VND at two USD rates: the first half at 23,000, the second at 24,000
        Buckets vnd = new Buckets();
        vnd.add(new CurrencyDate("VND", LocalDate.of(2023, 3, 14)), new BigDecimal("23000"));
        vnd.add(new CurrencyDate("VND", LocalDate.of(2023, 3, 15)), new BigDecimal("24000"));
        vnd.add(new CurrencyDate("VND", LocalDate.of(2023, 3, 16)), new BigDecimal("48000"));
        assertThat(vnd.convert(RATES).usd()).isEqualByComparingTo("4");
    }

    @Test
    void aMonthSummedFromItsDaysAsTheyAreReadEqualsItsMergedFactsConverted() {
        MonthFacts merged = new MonthFacts();
        MonthTotalsBuilder builder = new MonthTotalsBuilder(RATES);
        for (int day = 1; day <= 31; day++) {
            MonthFacts f = new MonthFacts();
            f.newProjects = day % 3;
            f.cumulativeProjectsDelta = day % 2 == 0 ? 1 : -1;
            LocalDate date = LocalDate.of(2023, 3, day);
            f.addNewCapital(new CurrencyDate("VND", date), new BigDecimal(7_000_001L * day));
            f.addAdjustedCapital(new CurrencyDate("JPY", date), new BigDecimal(-3_001L * day));
            f.addCumulativeCapitalDelta(new CurrencyDate("USD", date.minusDays(day % 5)), new BigDecimal("12.5"));
            merged.add(f);
            builder.add(f);
        }
        MonthTotals read = builder.build();
        MonthTotals whole = merged.totals(RATES);
        assertThat(read.newProjects()).isEqualTo(whole.newProjects());
        assertThat(read.cumulativeProjectsDelta()).isEqualTo(whole.cumulativeProjectsDelta());
        for (Money[] pair : new Money[][] {{read.newCapital(), whole.newCapital()}, {read.adjustedCapital(), whole.adjustedCapital()},
                {read.cumulativeCapitalDelta(), whole.cumulativeCapitalDelta()}}) {
            assertThat(pair[0].usd()).isEqualByComparingTo(pair[1].usd());
            assertThat(pair[0].vnd()).isEqualByComparingTo(pair[1].vnd());
        }
        assertThat(read.newCapital().usd()).isNotEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void anAmountWithoutARateInForceIsAnErrorNotAZero() {
        Buckets b = new Buckets();
        b.add(new CurrencyDate("USD", LocalDate.of(2023, 5, 1)), BigDecimal.TEN);
        b.add(new CurrencyDate("USD", LocalDate.of(2022, 12, 31)), BigDecimal.ONE);
        assertThatThrownBy(() -> b.convert(RATES)).isInstanceOf(MissingRateException.class);
    }

    /**
     * Against a plain map as the model: random adds (cancellations included) over up to 20 places, so a bucket set
     * grows past the small arrays into a hash map and shrinks again. Same amounts, same emptiness, equal copies that
     * do not share changes, equality across the two representations.
     */
    @Test
    void keepsExactlyTheSumsOfAPlainMapThroughGrowthCancellationAndCopies() {
        java.util.Random random = new java.util.Random(20261121);
        for (int round = 0; round < 300; round++) {
            Buckets b = new Buckets();
            java.util.Map<CurrencyDate, BigDecimal> model = new java.util.HashMap<>();
            int places = 1 + random.nextInt(20);
            for (int op = 0; op < 60; op++) {
                CurrencyDate where = new CurrencyDate(random.nextBoolean() ? "USD" : "VND", LocalDate.of(2023, 1, 1 + random.nextInt(places)));
                BigDecimal amount = random.nextInt(4) == 0 && model.containsKey(where)
                        ? model.get(where).negate() // cancels the place out
                        : BigDecimal.valueOf(random.nextInt(2001) - 1000, 2);
                b.add(where, amount);
                BigDecimal sum = model.merge(where, amount, BigDecimal::add);
                if (sum.signum() == 0) {
                    model.remove(where);
                }
            }
            assertThat(b.size()).isEqualTo(model.size());
            assertThat(b.isEmpty()).isEqualTo(model.isEmpty());
            model.forEach((where, sum) -> assertThat(b.get(where)).as(where.toString()).isEqualByComparingTo(sum));

            Buckets copy = b.copy();
            assertThat(copy).isEqualTo(b).hasSameHashCodeAs(b);
            CurrencyDate extra = new CurrencyDate("JPY", LocalDate.of(2023, 2, 1));
            copy.add(extra, BigDecimal.ONE);
            assertThat(b.get(extra)).as("the original after a change to its copy").isNull();
            assertThat(copy).isNotEqualTo(b);

            Buckets rebuilt = new Buckets();
            model.forEach(rebuilt::add);
            assertThat(rebuilt).as("built in another order (and maybe another representation)").isEqualTo(b);
        }
    }

    @Test
    void aBucketSetThatGrewLargeEqualsASmallOneWithTheSameAmounts() {
        Buckets grown = new Buckets();
        for (int day = 1; day <= Buckets.SMALL + 1; day++) {
            grown.add(new CurrencyDate("USD", LocalDate.of(2023, 1, day)), BigDecimal.ONE);
        }
        for (int day = 2; day <= Buckets.SMALL + 1; day++) {
            grown.add(new CurrencyDate("USD", LocalDate.of(2023, 1, day)), BigDecimal.ONE.negate());
        }
        Buckets small = new Buckets().add(new CurrencyDate("USD", LocalDate.of(2023, 1, 1)), new BigDecimal("1.00"));
        assertThat(grown).isEqualTo(small);
        assertThat(small).isEqualTo(grown);
        assertThat(grown.size()).isEqualTo(1);
    }
}
