package vn.investpulse.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FormatLocaleTest {

    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, before);
    }

    @Test
    void theProcessorFormatsUnderLocaleUsWhateverTheHostLocale() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("vi-VN"));

        ProcessorService.useUsFormatLocale();

        // Exactly US: the JDK's Formatter only skips building DecimalFormatSymbols per %d for Locale.US.
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.US);
        assertThat(String.format("%,d", 1234567)).isEqualTo("1,234,567");
    }
}
