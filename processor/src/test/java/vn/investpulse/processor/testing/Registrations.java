package vn.investpulse.processor.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Registration events as ingest writes them. {@code effectiveAt} takes the three forms ingest accepts: a date
 * ({@code 2023-12-31}, local midnight in Hai Phong), an offset ({@code 2024-01-01T00:05:00+07:00}) or UTC
 * ({@code 2023-12-31T17:10:00Z}); effectiveDate is then its Asia/Ho_Chi_Minh date, as ingest computes it.
 */
public final class Registrations {

    public static final Instant INGESTED = Instant.parse("2026-11-21T08:00:00Z");

    private String eventId;
    private String certificateNo;
    private EventType type = EventType.NEW;
    private CapitalSource source = CapitalSource.FDI;
    private String zone = "DEEP_C";
    private String sector = "C26";
    private String country = "KR";
    private BigDecimal amount;
    private String currency = "USD";
    private Instant effectiveAt;
    private String file = "register-2023.csv";
    private long line = 2;

    private Registrations() {
    }

    public static Registrations event(String eventId, String certificateNo, EventType type, String effective) {
        Registrations r = new Registrations();
        r.eventId = eventId;
        r.certificateNo = certificateNo;
        r.type = type;
        r.effectiveAt = instant(effective);
        return r;
    }

    public static Registrations newProject(String eventId, String certificateNo, String effective, String amount) {
        return event(eventId, certificateNo, EventType.NEW, effective).amount(amount);
    }

    public static Instant instant(String effective) {
        if (effective.length() == 10) {
            return LocalDate.parse(effective).atStartOfDay(PeriodId.HAI_PHONG).toInstant();
        }
        return OffsetDateTime.parse(effective).toInstant();
    }

    public Registrations amount(String amount) {
        this.amount = new BigDecimal(amount);
        return this;
    }

    public Registrations currency(String currency) {
        this.currency = currency;
        return this;
    }

    public Registrations ddi() {
        this.source = CapitalSource.DDI;
        this.currency = "VND";
        this.country = "VN";
        return this;
    }

    public Registrations zone(String zone) {
        this.zone = zone;
        return this;
    }

    public Registrations sector(String sector) {
        this.sector = sector;
        return this;
    }

    public Registrations country(String country) {
        this.country = country;
        return this;
    }

    public Registrations line(long line) {
        this.line = line;
        return this;
    }

    public RegistrationEvent build() {
        boolean termination = type == EventType.TERMINATION;
        return RegistrationEvent.newBuilder()
                .setEventId(eventId).setCertificateNo(certificateNo).setEventType(type).setCapitalSource(source)
                .setInvestorName("Investor of " + certificateNo).setInvestorCountry(country).setZoneCode(zone)
                .setSectorCode(sector)
                .setAmount(termination ? null : amount.setScale(6, java.math.RoundingMode.HALF_UP))
                .setCurrency(termination ? null : currency)
                .setEffectiveAt(effectiveAt).setEffectiveDate(PeriodId.localDate(effectiveAt))
                .setSource(Provenance.newBuilder().setConnector("csv-import").setFile(file).setLine(line).build())
                .setIngestedAt(INGESTED)
                .build();
    }
}
