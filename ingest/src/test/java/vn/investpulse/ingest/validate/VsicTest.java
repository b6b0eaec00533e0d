package vn.investpulse.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VsicTest {

    @Test
    void sectionsOfDivisions() {
        assertThat(Vsic.sectionOf(1)).contains('A');
        assertThat(Vsic.sectionOf(10)).contains('C');
        assertThat(Vsic.sectionOf(26)).contains('C');
        assertThat(Vsic.sectionOf(33)).contains('C');
        assertThat(Vsic.sectionOf(35)).contains('D');
        assertThat(Vsic.sectionOf(52)).contains('H');
        assertThat(Vsic.sectionOf(68)).contains('L');
        assertThat(Vsic.sectionOf(99)).contains('U');
        assertThat(Vsic.sectionOf(4)).isEmpty();
        assertThat(Vsic.sectionOf(0)).isEmpty();
        assertThat(Vsic.range('C')).isEqualTo("C10–C33");
        assertThat(Vsic.range('H')).isEqualTo("H49–H53");
    }
}
