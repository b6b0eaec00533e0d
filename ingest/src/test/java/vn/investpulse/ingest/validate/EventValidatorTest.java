package vn.investpulse.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.ingest.reference.ReferenceCatalog;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;
import vn.investpulse.schemas.Zone;
import vn.investpulse.schemas.ZoneKind;

class EventValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    static final RowContext CONTEXT = new RowContext("http", "test.csv", NOW);

    final ReferenceCatalog catalog = HaiPhongDefaults.catalog();
    final EventValidator validator = new EventValidator(catalog, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));

    static Map<String, String> valid() {
        Map<String, String> v = new HashMap<>();
        v.put("event_id", "HPEZ-2024-00001");
        v.put("certificate_no", "2101234567");
        v.put("event_type", "NEW");
        v.put("capital_source", "FDI");
        v.put("investor_name", "Seyoung Co., Ltd.");
        v.put("investor_country", "KR");
        v.put("zone_code", "DEEP_C");
        v.put("sector_code", "C26");
        v.put("amount", "35000000");
        v.put("currency", "USD");
        v.put("effective_at", "2024-04-25");
        return v;
    }

    RowResult<RegistrationEvent> validate(Map<String, String> values) {
        return validator.validate(RawRow.ok(12, values, "raw"), CONTEXT);
    }

    RowResult<RegistrationEvent> with(String column, String value) {
        Map<String, String> v = valid();
        v.put(column, value);
        return validate(v);
    }

    @Test
    void aValidRowBecomesAnEventKeyedByCertificate() {
        RowResult<RegistrationEvent> result = validate(valid());

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.key()).isEqualTo("2101234567");
        assertThat(result.id()).isEqualTo("HPEZ-2024-00001");
        RegistrationEvent e = result.value();
        assertThat(e.getEventType()).isEqualTo(EventType.NEW);
        assertThat(e.getAmount()).isEqualByComparingTo("35000000").extracting(BigDecimal::scale).isEqualTo(6);
        assertThat(e.getSource().getLine()).isEqualTo(12);
        assertThat(e.getSource().getConnector()).isEqualTo("http");
        assertThat(e.getIngestedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            // a local date is local midnight in Hai Phong (UTC+7)
            "2024-03-31|2024-03-30T17:00:00Z|2024-03-31",
            "2023-12-31T23:30:00+07:00|2023-12-31T16:30:00Z|2023-12-31",
            // 17:10Z is 00:10 the next day in Hai Phong
            "2023-12-31T17:10:00Z|2023-12-31T17:10:00Z|2024-01-01",
            // one minute before local midnight stays on the 31st
            "2023-12-31T16:59:00Z|2023-12-31T16:59:00Z|2023-12-31",
            "2024-01-01T00:00:00+07:00|2023-12-31T17:00:00Z|2024-01-01"})
    void threeTimestampFormsAndTheLocalMidnightBoundary(String input, String instant, String localDate) {
        RegistrationEvent e = with("effective_at", input).value();

        assertThat(e.getEffectiveAt()).isEqualTo(Instant.parse(instant));
        assertThat(e.getEffectiveDate()).isEqualTo(LocalDate.parse(localDate));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "event_type|GRANT|unknown event_type 'GRANT'|loại sự kiện không hợp lệ",
            "capital_source|ODA|unknown capital_source 'ODA'|nguồn vốn không hợp lệ",
            "event_id||missing event_id|thiếu mã sự kiện",
            "certificate_no||missing certificate_no|thiếu số GCNĐKĐT",
            "amount||amount is missing|thiếu vốn đăng ký",
            "amount|abc|amount 'abc' is not a number|không phải là số",
            "amount|1,5|use '.' as the decimal point|dùng dấu '.'",
            "amount|1.000.000|is not a number|không phải là số",
            "amount|0|amount must be positive, got 0|phải lớn hơn 0",
            "amount|-5|amount must be positive, got -5|phải lớn hơn 0",
            "amount|1.1234567|more than 6 decimal places|quá 6 chữ số thập phân",
            "currency|XYZ|currency 'XYZ' is not an ISO 4217 code|không phải mã ISO 4217",
            "currency|US|currency 'US' is not an ISO 4217 code|không phải mã ISO 4217",
            "currency|BRL|no FX rate for BRL in force on 2024-04-25|chưa có tỷ giá BRL",
            "effective_at|2023-02-30|'2023-02-30' is an impossible date|ngày không tồn tại",
            "effective_at|2023-02-30T10:00:00+07:00|is an impossible date|ngày không tồn tại",
            "effective_at|2024-13-01|is an impossible date|ngày không tồn tại",
            "effective_at|31/03/2024|is not ISO-8601|không đúng ISO-8601",
            "effective_at|2024-03-31T10:00:00|has a time but no UTC offset|thiếu múi giờ",
            "effective_at|2026-11-23|is in the future (more than 1 day|ở tương lai (quá 1 ngày",
            "zone_code|HAI_AN|unknown zone 'HAI_AN'|KCN/KKT không xác định",
            "sector_code|C2|is not a VSIC 2018 division|không phải ngành cấp 2 VSIC 2018",
            "sector_code|26|is not a VSIC 2018 division|không phải ngành cấp 2 VSIC 2018",
            "sector_code|V26|is not a VSIC 2018 division|không phải ngành cấp 2 VSIC 2018",
            "sector_code|C52|division 52 belongs to section H (H52), not C|thuộc ngành cấp 1 H",
            "sector_code|H26|division 26 belongs to section C (C26), not H|thuộc ngành cấp 1 C",
            "sector_code|C04|division 04 does not exist|không có trong VSIC 2018",
            "investor_country|Korea|'Korea' is not an ISO 3166-1 alpha-2 code|không phải mã ISO 3166-1",
            "investor_country|XX|'XX' is not an ISO 3166-1 alpha-2 code|không phải mã ISO 3166-1",
            "investor_name||missing investor_name|thiếu tên nhà đầu tư"})
    void everyRejectionHasItsOwnReasonInEnglishAndVietnamese(String column, String value, String en, String vi) {
        RowResult<RegistrationEvent> result = with(column, value);

        assertThat(result.isAccepted()).isFalse();
        assertThat(result.reason().en()).contains(en);
        assertThat(result.reason().vi()).contains(vi);
        assertThat(result.line()).isEqualTo(12);
    }

    @Test
    void tomorrowWithinTheAllowanceIsAccepted() {
        assertThat(with("effective_at", "2026-11-22").isAccepted()).isTrue();
    }

    @Test
    void terminationMustHaveNoAmountAndNoCurrency() {
        Map<String, String> termination = valid();
        termination.put("event_type", "TERMINATION");
        termination.remove("amount");
        termination.remove("currency");
        RowResult<RegistrationEvent> ok = validate(termination);
        assertThat(ok.isAccepted()).isTrue();
        assertThat(ok.value().getAmount()).isNull();
        assertThat(ok.value().getCurrency()).isNull();

        termination.put("amount", "100");
        RowResult<RegistrationEvent> refused = validate(termination);
        assertThat(refused.reason().en()).contains("a TERMINATION has no amount and no currency");
        assertThat(refused.reason().vi()).contains("không có vốn");
    }

    @Test
    void vndNeedsNoRateAndOtherCurrenciesNeedOneInForce() {
        assertThat(with("currency", "VND").isAccepted()).isTrue();
        assertThat(with("currency", "jpy").value().getCurrency()).isEqualTo("JPY");
        Map<String, String> early = valid();
        early.put("currency", "JPY");
        early.put("effective_at", "2014-06-01");
        assertThat(validate(early).reason().en())
                .contains("no FX rate for JPY in force on 2014-06-01 (the earliest JPY rate is dated 2015-01-01)");
    }

    @Test
    void severalProblemsOfOneRowAreAllReported() {
        Map<String, String> v = valid();
        v.put("event_type", "X");
        v.put("amount", "-1");
        v.put("zone_code", "NOWHERE");
        String reason = validate(v).reason().en();
        assertThat(reason).contains("unknown event_type", "unknown zone 'NOWHERE'");
    }

    @Test
    void aZoneAddedToTheCatalogIsAcceptedRightAway() {
        assertThat(with("zone_code", "NAM_TRANG_CAT").isAccepted()).isFalse();
        catalog.putZone(new Zone("NAM_TRANG_CAT", "KCN Nam Tràng Cát", "Nam Trang Cat Industrial Park", ZoneKind.KCN, null, null));
        assertThat(with("zone_code", "NAM_TRANG_CAT").isAccepted()).isTrue();
    }

    @Test
    void vietnameseEventTypesAreUnderstood() {
        assertThat(with("event_type", "Cấp mới").value().getEventType()).isEqualTo(EventType.NEW);
        assertThat(with("event_type", "Tăng vốn").value().getEventType()).isEqualTo(EventType.CAPITAL_INCREASE);
        assertThat(with("event_type", "Góp vốn, mua cổ phần").value().getEventType()).isEqualTo(EventType.SHARE_PURCHASE);
    }

    @Test
    void aBrokenRowKeepsItsProblem() {
        RawRow broken = RawRow.broken(7, "a,b", vn.investpulse.ingest.Reason.of("wrong number of columns", "sai số cột"));
        RowResult<RegistrationEvent> result = validator.validate(broken, CONTEXT);
        assertThat(result.reason().en()).isEqualTo("wrong number of columns");
        assertThat(result.line()).isEqualTo(7);
    }
}
