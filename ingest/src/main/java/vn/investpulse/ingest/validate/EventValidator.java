package vn.investpulse.ingest.validate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.ReferenceLookup;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Validates registration event rows against the event contract and the reference data in force (zones,
 * FX rates). Every problem of a row is reported, in English and Vietnamese; the record of a valid row
 * depends only on the row (plus provenance and ingestedAt), so a re-import produces the same key and fields.
 */
public final class EventValidator implements RowValidator<RegistrationEvent> {

    private static final String VND = "VND";

    private final ReferenceLookup reference;
    private final Clock clock;
    private final Duration maxFuture;

    /**
     * @param maxFuture how far after now an effective_at may be (clock skew, certificates dated tomorrow)
     */
    public EventValidator(ReferenceLookup reference, Clock clock, Duration maxFuture) {
        this.reference = reference;
        this.clock = clock;
        this.maxFuture = maxFuture;
    }

    @Override
    public TableKind kind() {
        return TableKind.EVENTS;
    }

    @Override
    public RowResult<RegistrationEvent> validate(RawRow row, RowContext context) {
        String eventId = row.value("event_id");
        if (row.problem() != null) {
            return RowResult.rejected(row, eventId, row.problem());
        }
        List<Reason> problems = new ArrayList<>();
        Fields.required(eventId, "event_id", "mã sự kiện", problems);
        String certificateNo = Fields.required(row.value("certificate_no"), "certificate_no", "số GCNĐKĐT", problems);
        EventType type = Fields.eventType(row.value("event_type"), problems);
        CapitalSource source = Fields.capitalSource(row.value("capital_source"), problems);
        String investor = Fields.required(row.value("investor_name"), "investor_name", "tên nhà đầu tư", problems);
        String country = Fields.country(row.value("investor_country"), problems);
        String zone = zone(row.value("zone_code"), problems);
        String sector = Fields.sector(row.value("sector_code"), problems);
        Fields.Effective effective = Fields.effectiveAt(row.value("effective_at"), clock.instant(), maxFuture, problems);

        BigDecimal amount = null;
        String currency = null;
        if (type == EventType.TERMINATION) {
            terminationHasNoMoney(row, problems);
        } else {
            amount = Fields.positiveAmount(row.value("amount"), "amount", "vốn đăng ký", problems);
            currency = Fields.currency(row.value("currency"), problems);
            if (currency != null && effective != null) {
                fxRateInForce(currency, effective, problems);
            }
        }
        if (!problems.isEmpty()) {
            return RowResult.rejected(row, eventId, Reason.joined(problems));
        }
        RegistrationEvent event = RegistrationEvent.newBuilder()
                .setEventId(eventId)
                .setCertificateNo(certificateNo)
                .setEventType(type)
                .setCapitalSource(source)
                .setInvestorName(investor)
                .setInvestorCountry(country)
                .setZoneCode(zone)
                .setSectorCode(sector)
                .setAmount(amount)
                .setCurrency(currency)
                .setEffectiveAt(effective.at())
                .setEffectiveDate(effective.date())
                .setSource(new Provenance(context.connector(), context.file(), row.line()))
                .setIngestedAt(context.ingestedAt())
                .build();
        return RowResult.accepted(row, eventId, certificateNo, event);
    }

    private String zone(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing zone_code", "thiếu mã KCN/KKT (zone_code)"));
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!reference.hasZone(code)) {
            problems.add(Reason.of(
                    "unknown zone '" + value + "' (not in the zones reference data; upload it to /api/v1/reference/zones first)",
                    "KCN/KKT không xác định '" + value + "' (chưa có trong danh mục KCN/KKT; hãy tải lên /api/v1/reference/zones trước)"));
            return null;
        }
        return code;
    }

    /** Chấm dứt — a termination ends a project; it registers no capital. */
    private static void terminationHasNoMoney(RawRow row, List<Reason> problems) {
        if (row.value("amount") != null || row.value("currency") != null) {
            problems.add(Reason.of(
                    "a TERMINATION has no amount and no currency (leave both empty)",
                    "sự kiện chấm dứt (TERMINATION) không có vốn và đơn vị tiền tệ (để trống cả hai)"));
        }
    }

    private void fxRateInForce(String currency, Fields.Effective effective, List<Reason> problems) {
        if (VND.equals(currency) || reference.fxRateOn(currency, effective.date()).isPresent()) {
            return;
        }
        String first = reference.firstFxDate(currency).map(d -> " (the earliest " + currency + " rate is dated " + d + ")").orElse("");
        String firstVi = reference.firstFxDate(currency).map(d -> " (tỷ giá " + currency + " sớm nhất từ ngày " + d + ")").orElse("");
        problems.add(Reason.of(
                "no FX rate for " + currency + " in force on " + effective.date() + first
                        + "; upload one to /api/v1/reference/fx-rates",
                "chưa có tỷ giá " + currency + " áp dụng cho ngày " + effective.date() + firstVi
                        + "; hãy tải lên /api/v1/reference/fx-rates"));
    }
}
