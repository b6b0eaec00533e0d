package vn.investpulse.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableKindTest {

    @Test
    void headerMatchingIgnoresCaseDiacriticsAndPunctuation() {
        assertThat(TableKind.EVENTS.canonical("Số GCNĐKĐT")).isEqualTo("certificate_no");
        assertThat(TableKind.EVENTS.canonical("so gcndkdt")).isEqualTo("certificate_no");
        assertThat(TableKind.EVENTS.canonical("VỐN ĐĂNG KÝ")).isEqualTo("amount");
        assertThat(TableKind.EVENTS.canonical("eventId")).isEqualTo("event_id");
        assertThat(TableKind.EVENTS.canonical("Event ID")).isEqualTo("event_id");
        assertThat(TableKind.EVENTS.canonical("kcn/kkt")).isEqualTo("zone_code");
        assertThat(TableKind.EVENTS.canonical("STT")).isNull();
        assertThat(TableKind.FX_RATES.canonical("Ngày hiệu lực")).isEqualTo("effective_date");
        assertThat(TableKind.PLANS.canonical("zoneCode")).isEqualTo("zone_code");
    }
}
