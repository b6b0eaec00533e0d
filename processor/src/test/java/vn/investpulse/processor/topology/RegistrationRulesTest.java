package vn.investpulse.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code checks accept exactly what the contract's codes are, nothing near them. */
class RegistrationRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"A01", "C26", "U99", "K64"})
    void vsicDivisions(String code) {
        assertThat(RegistrationRules.isVsicDivision(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C", "C2", "C266", "c26", "V01", "@01", "C2A", "C/6", "C２6", " C26", "26C"})
    void notVsicDivisions(String code) {
        assertThat(RegistrationRules.isVsicDivision(code)).isFalse();
    }

    @Test
    void countriesAndCurrenciesAreUpperCaseLettersOfTheirLength() {
        assertThat(RegistrationRules.isUpperLetters("KR", 2)).isTrue();
        assertThat(RegistrationRules.isUpperLetters("USD", 3)).isTrue();
        assertThat(RegistrationRules.isUpperLetters("ZZZ", 3)).isTrue();
        for (String bad : new String[] {"", "K", "KOR", "kr", "K1", "K[", "@R", "ÄR", "K "}) {
            assertThat(RegistrationRules.isUpperLetters(bad, 2)).as(bad).isFalse();
        }
        for (String bad : new String[] {"US", "USDT", "usd", "U$D", "US1", "ÜSD"}) {
            assertThat(RegistrationRules.isUpperLetters(bad, 3)).as(bad).isFalse();
        }
    }
}
