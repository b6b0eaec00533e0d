package vn.investpulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.ingest.kafka.RecordPublisher;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;

/** The cached path writes exactly the bytes the registry serializer writes, and those read back. */
@ExtendWith(EmbeddedPlatformExtension.class)
class SchemaIdCachingSerializerIT {

    static RegistrationEvent event(int i, BigDecimal amount) {
        return RegistrationEvent.newBuilder().setEventId("S" + i).setCertificateNo("C" + i)
                .setEventType(amount == null ? EventType.TERMINATION : EventType.NEW).setCapitalSource(CapitalSource.FDI)
                .setInvestorName("Công ty \"Hải Âu\", số " + i).setInvestorCountry("KR").setZoneCode("DEEP_C")
                .setSectorCode("C26").setAmount(amount).setCurrency(amount == null ? null : "USD")
                .setEffectiveAt(Instant.parse("2023-12-31T17:10:00Z")).setEffectiveDate(LocalDate.of(2024, 1, 1))
                .setSource(new Provenance("http", null, (long) i)).setIngestedAt(Instant.parse("2026-11-21T09:00:00Z"))
                .build();
    }

    @Test
    void sameBytesAsTheRegistrySerializer(EmbeddedPlatform platform) {
        Serializer<SpecificRecord> registry = platform.serdes().registrySerializer(false);
        Serializer<SpecificRecord> cached = RecordPublisher.cachingSerializer(platform.serdes());
        var deserializer = platform.serdes().valueDeserializer(platform.topics().registrations());

        for (int i = 0; i < 5; i++) {
            RegistrationEvent e = event(i, i % 2 == 0 ? new BigDecimal("35000000.123456") : null);
            byte[] mine = cached.serialize(Topics.REGISTRATIONS, e);
            assertThat(mine).isEqualTo(registry.serialize(Topics.REGISTRATIONS, e));
            assertThat(deserializer.deserialize(Topics.REGISTRATIONS, mine)).isEqualTo(e);
        }
    }
}
