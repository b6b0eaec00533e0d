package vn.investpulse.processor.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Copy-on-write by bucket: a copy shares the buckets, and either side copies one before changing it. */
class MonthFactsTest {

    private static final CurrencyDate USD_MARCH_5 = new CurrencyDate("USD", LocalDate.of(2023, 3, 5));
    private static final CurrencyDate VND_MARCH_5 = new CurrencyDate("VND", LocalDate.of(2023, 3, 5));

    @Test
    void aCopyAndItsOriginalChangeIndependently() {
        MonthFacts original = new MonthFacts().addNewCapital(USD_MARCH_5, new BigDecimal("100"));
        MonthFacts copy = original.copy();
        assertThat(copy.newCapital()).isSameAs(original.newCapital()); // shared until one of them changes it

        copy.addNewCapital(USD_MARCH_5, new BigDecimal("5")).addAdjustedCapital(VND_MARCH_5, new BigDecimal("-7"));
        original.addNewCapital(VND_MARCH_5, new BigDecimal("1"));

        assertThat(original.newCapital().get(USD_MARCH_5)).isEqualByComparingTo("100");
        assertThat(original.newCapital().get(VND_MARCH_5)).isEqualByComparingTo("1");
        assertThat(original.adjustedCapital().isEmpty()).isTrue();
        assertThat(copy.newCapital().get(USD_MARCH_5)).isEqualByComparingTo("105");
        assertThat(copy.newCapital().get(VND_MARCH_5)).isNull();
        assertThat(copy.adjustedCapital().get(VND_MARCH_5)).isEqualByComparingTo("-7");
    }

    @Test
    void addingFactsCopiesTheirAmountsNeverTheirBuckets() {
        MonthFacts delta = new MonthFacts().addCumulativeCapitalDelta(USD_MARCH_5, new BigDecimal("10"));
        MonthFacts sum = new MonthFacts().add(delta);
        assertThat(sum.cumulativeCapitalDelta()).isNotSameAs(delta.cumulativeCapitalDelta());

        delta.addCumulativeCapitalDelta(USD_MARCH_5, new BigDecimal("1"));
        sum.add(delta, -1).add(delta); // changing the sum leaves the delta alone too

        assertThat(sum.cumulativeCapitalDelta().get(USD_MARCH_5)).isEqualByComparingTo("10");
        assertThat(delta.cumulativeCapitalDelta().get(USD_MARCH_5)).isEqualByComparingTo("11");
    }

    @Test
    void amountsThatCancelOutLeaveTheSharedEmptyBuckets() {
        MonthFacts f = new MonthFacts().addSharePurchaseCapital(USD_MARCH_5, new BigDecimal("3"));
        assertThat(f.sharePurchaseCapital()).isNotSameAs(Buckets.EMPTY);

        f.add(f.copy(), -1);

        assertThat(f.isEmpty()).isTrue();
        assertThat(f.sharePurchaseCapital()).isSameAs(Buckets.EMPTY);
        assertThat(new MonthFacts().newCapital()).isSameAs(Buckets.EMPTY);
        assertThat(Buckets.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void theSharedEmptyBucketsCannotBeChanged() {
        assertThatThrownBy(() -> Buckets.EMPTY.add(USD_MARCH_5, BigDecimal.ONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never changed");
    }
}
