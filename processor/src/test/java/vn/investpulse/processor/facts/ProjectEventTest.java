package vn.investpulse.processor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;

/** Entries stay in memory for good: their repeated codes are shared and their amounts compact, values unchanged. */
class ProjectEventTest {

    private static ProjectEvent entry(String zone, BigDecimal amount) {
        return new ProjectEvent("e1", EventType.NEW, CapitalSource.FDI, zone, new String("C26"), new String("KR"),
                LocalDate.of(2023, 2, 10), new String("USD"), amount);
    }

    @Test
    void equalCodesOfDifferentEntriesAreOneInstance() {
        ProjectEvent a = entry(new String("DEEP_C"), BigDecimal.ONE);
        ProjectEvent b = entry(new String("DEEP_C"), BigDecimal.ONE);
        assertThat(a.zone()).isSameAs(b.zone());
        assertThat(a.sector()).isSameAs(b.sector());
        assertThat(a.country()).isSameAs(b.country());
        assertThat(a.currency()).isSameAs(b.currency());
    }

    @Test
    void anAmountKeepsItsValueAndScale() {
        BigDecimal decoded = new BigDecimal(new BigInteger("123456789012345678"), 2); // as Avro's decimal decoding makes it
        BigDecimal kept = entry("VSIP", decoded).amount();
        assertThat(kept).isEqualTo(decoded); // equals: value and scale
        assertThat(kept.scale()).isEqualTo(2);
        BigDecimal huge = new BigDecimal("12345678901234567890123.456");
        assertThat(entry("VSIP", huge).amount()).isEqualTo(huge);
        assertThat(entry("VSIP", new BigDecimal("-0.0001")).amount()).isEqualTo(new BigDecimal("-0.0001"));
    }
}
