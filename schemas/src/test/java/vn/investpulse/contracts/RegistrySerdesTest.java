package vn.investpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.apicurio.registry.serde.DefaultIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Which deserializer {@link RegistrySerdes} hands out, and that bytes the cached path never sees behave as with the
 * Apicurio deserializer alone. No registry is needed here: the comparisons against a real one are
 * {@code SchemaIdCachingDeserializerIT} in module embedded.
 */
class RegistrySerdesTest {

    /** Nothing listens here: these bytes never reach the registry. */
    private static final String NO_REGISTRY = "http://127.0.0.1:9/apis/registry/v2";

    @Test
    void avroRecordsGetTheCachedDeserializer() {
        RegistrySerdes serdes = new RegistrySerdes(NO_REGISTRY);
        assertThat(serdes.serde(RegistrationEvent.class, false).deserializer()).isInstanceOf(SchemaIdCachingDeserializer.class);
        assertThat(serdes.serde(RegistrationEvent.class, true).deserializer()).isInstanceOf(SchemaIdCachingDeserializer.class);
        assertThat(serdes.registryDeserializer(false)).isExactlyInstanceOf(AvroKafkaDeserializer.class);
    }

    @Test
    void settingsOutsideTheConfluentFramingLeaveDecodingToApicurio() {
        for (Map<String, Object> extra : List.<Map<String, Object>>of(
                Map.of(SerdeConfig.ENABLE_HEADERS, "true"),
                Map.of(AvroKafkaSerdeConfig.AVRO_ENCODING, AvroKafkaSerdeConfig.AVRO_ENCODING_JSON),
                Map.of(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, "false"),
                Map.of(SerdeConfig.ID_HANDLER, DefaultIdHandler.class.getName()))) {
            Deserializer<RegistrationEvent> deserializer = new RegistrySerdes(NO_REGISTRY, extra).serde(RegistrationEvent.class, false)
                    .deserializer();
            assertThat(deserializer).as("with %s", extra).isExactlyInstanceOf(AvroKafkaDeserializer.class);
        }
    }

    @Test
    void bytesWithoutTheFramingBehaveAsWithApicurioAlone() {
        RegistrySerdes serdes = new RegistrySerdes(NO_REGISTRY);
        Deserializer<SpecificRecord> registry = serdes.registryDeserializer(false);
        SchemaIdCachingDeserializer cached = new SchemaIdCachingDeserializer(serdes.registryDeserializer(false));

        assertThat(cached.deserialize("t", null)).isNull();
        for (byte[] bytes : new byte[][] {new byte[0], {1, 0, 0, 0, 7, 2}, {0, 0, 1}}) {
            Throwable expected = catchThrowable(() -> registry.deserialize("t", bytes));
            assertThat(expected).isNotNull();
            assertThat(catchThrowable(() -> cached.deserialize("t", bytes)))
                    .isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
        Throwable unknownMagic = catchThrowable(() -> cached.deserialize("t", new byte[] {1, 0, 0, 0, 7, 2}));
        assertThat(unknownMagic).hasMessage("Unknown magic byte!");
    }
}
