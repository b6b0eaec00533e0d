package vn.investpulse.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;

/** Realistic registration events for tests: a Korean electronics project in DEEP C, Hai Phong. */
final class RegistrationEvents {

    static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 23:30 local time on 14 March 2026: still the 14th in Hai Phong, already the 14th 16:30 UTC. */
    static final LocalDateTime LATE_EVENING = LocalDateTime.of(2026, 3, 14, 23, 30);

    private RegistrationEvents() {
    }

    static RegistrationEvent newProject(String certificateNo, String amountUsd, long line) {
        Instant effectiveAt = LATE_EVENING.atZone(HAI_PHONG).toInstant();
        return RegistrationEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCertificateNo(certificateNo)
                .setEventType(EventType.NEW)
                .setCapitalSource(CapitalSource.FDI)
                .setInvestorName("Công ty TNHH Điện tử Hàn Việt")
                .setInvestorCountry("KR")
                .setZoneCode("DEEP_C")
                .setSectorCode("C26")
                .setAmount(new BigDecimal(amountUsd).setScale(6, RoundingMode.HALF_UP))
                .setCurrency("USD")
                .setEffectiveAt(effectiveAt)
                .setEffectiveDate(LocalDate.ofInstant(effectiveAt, HAI_PHONG))
                .setSource(Provenance.newBuilder().setConnector("test").setFile("registrations.csv").setLine(line).build())
                // Avro keeps milliseconds: a truncated instant survives the round trip unchanged.
                .setIngestedAt(Instant.ofEpochMilli(Instant.now().toEpochMilli()))
                .build();
    }
}
