package vn.investpulse.alerts.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers, percentages and plan amounts are written, in Vietnamese (decimal comma, thousands dot:
 * {@code 10.000 tỷ đồng}, {@code 10,60%}) and in English ({@code VND 10,000 bn}, {@code 10.60%}).
 * The one place these rules live; the dashboard mirrors them.
 */
public enum NumberStyle {

    VIETNAMESE(',', '.'),
    ENGLISH('.', ',');

    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private final char decimalSeparator;
    private final char groupingSeparator;

    NumberStyle(char decimalSeparator, char groupingSeparator) {
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
    }

    /** {@code value} rounded half-up to between {@code minDecimals} and {@code maxDecimals} decimals, grouped by thousands. */
    public String number(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(decimalSeparator);
        symbols.setGroupingSeparator(groupingSeparator);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** A measured percentage, always 2 decimals: {@code 10,60%}. */
    public String percent(BigDecimal pct) {
        return number(pct, 2, 2) + "%";
    }

    /** A configured threshold, as short as it is exact: {@code 100%}, {@code 12,5%}. */
    public String thresholdPercent(BigDecimal pct) {
        return number(pct, 0, 2) + "%";
    }

    /**
     * A plan amount in words the Authority uses: {@code 2 tỷ USD} / {@code USD 2 bn}, {@code 212 triệu USD} /
     * {@code USD 212 m}, {@code 10.000 tỷ đồng} / {@code VND 10,000 bn}. Up to 2 decimals, trailing zeros dropped.
     */
    public String amount(BigDecimal amount, String currency) {
        BigDecimal abs = amount.abs();
        String unitVi;
        String unitEn;
        BigDecimal scaled;
        if (abs.compareTo(BILLION) >= 0) {
            scaled = amount.divide(BILLION);
            unitVi = "tỷ ";
            unitEn = " bn";
        } else if (abs.compareTo(MILLION) >= 0) {
            scaled = amount.divide(MILLION);
            unitVi = "triệu ";
            unitEn = " m";
        } else {
            scaled = amount;
            unitVi = "";
            unitEn = "";
        }
        String number = number(scaled, 0, 2);
        if (this == VIETNAMESE) {
            String currencyVi = "VND".equalsIgnoreCase(currency) ? "đồng" : currency;
            return number + " " + unitVi + currencyVi;
        }
        return currency + " " + number + unitEn;
    }
}
