package vn.investpulse.processor.figures;

import java.math.BigDecimal;
import java.util.Objects;

/** Kế hoạch — an annual target in its own currency (USD or VND). */
public record Plan(BigDecimal amount, String currency) {

    public Plan {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Key on pulse.ref.plans.v1 and in the plan store: {@code FDI:2023} or {@code FDI:2023:DEEP_C}. */
    public static String key(String source, int year, String zoneCode) {
        return zoneCode == null || zoneCode.isEmpty() ? source + ":" + year : source + ":" + year + ":" + zoneCode;
    }
}
