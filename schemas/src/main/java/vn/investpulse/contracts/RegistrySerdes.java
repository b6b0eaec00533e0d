package vn.investpulse.contracts;

import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroEncoding;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where serdes are configured. Avro values (and Avro keys) go through the Apicurio
 * registry in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary, no headers),
 * so any Confluent client can read our topics through the registry's {@code /apis/ccompat/v7} API.
 * Subjects follow Confluent's TopicNameStrategy: {@code <topic>-key} and {@code <topic>-value}.
 */
public final class RegistrySerdes {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySerdes.class);

    static {
        AvroLimits.install(); // before any deserializer reads a length off the wire
    }

    private final Map<String, Object> registryConfig;

    /**
     * @param registryUrl the Apicurio core API base, e.g. {@code http://localhost:8081/apis/registry/v2}
     * @param extra further {@code apicurio.registry.*} settings, e.g. auth
     */
    public RegistrySerdes(String registryUrl, Map<String, ?> extra) {
        Objects.requireNonNull(registryUrl, "registryUrl");
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        // Confluent wire format: a 4-byte id, the content id (what ccompat calls the schema id), no headers.
        config.put(SerdeConfig.ID_HANDLER, io.apicurio.registry.serde.Legacy4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        config.putAll(extra);
        this.registryConfig = Map.copyOf(config);
    }

    public RegistrySerdes(String registryUrl) {
        this(registryUrl, Map.of());
    }

    /** The settings a plain Kafka client needs to use the registry serializers by class name. */
    public Map<String, Object> clientConfig() {
        return registryConfig;
    }

    public <K> Serde<K> keySerde(TopicSpec<K, ?> topic) {
        return serde(topic.keyType(), true);
    }

    public <V> Serde<V> valueSerde(TopicSpec<?, V> topic) {
        return serde(topic.valueType(), false);
    }

    public <K> Serializer<K> keySerializer(TopicSpec<K, ?> topic) {
        return keySerde(topic).serializer();
    }

    public <V> Serializer<V> valueSerializer(TopicSpec<?, V> topic) {
        return valueSerde(topic).serializer();
    }

    public <K> Deserializer<K> keyDeserializer(TopicSpec<K, ?> topic) {
        return keySerde(topic).deserializer();
    }

    public <V> Deserializer<V> valueDeserializer(TopicSpec<?, V> topic) {
        return valueSerde(topic).deserializer();
    }

    /**
     * A registry-backed Avro serde for a specific record type, or a plain serde for String keys. Both directions cache
     * their registry work per schema: {@link SchemaIdCachingSerializer}, {@link SchemaIdCachingDeserializer}.
     */
    @SuppressWarnings("unchecked")
    public <T> Serde<T> serde(Class<T> type, boolean isKey) {
        if (type == String.class) {
            return (Serde<T>) Serdes.String();
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("no serde for " + type.getName() + ": topics carry String keys or Avro records");
        }
        Serializer<SpecificRecord> serializer = new SchemaIdCachingSerializer(registrySerializer(isKey));
        AvroKafkaDeserializer<SpecificRecord> registry = registryDeserializer(isKey);
        Deserializer<SpecificRecord> deserializer = cachedDecodingApplies(registry)
                ? new SchemaIdCachingDeserializer(registry) : registry;
        return (Serde<T>) Serdes.serdeFrom(serializer, deserializer);
    }

    /**
     * Whether the settings, after {@code extra}, are still what {@link SchemaIdCachingDeserializer} reads: a 4-byte id
     * in the payload (not in headers), binary Avro, generated classes. Otherwise the Apicurio deserializer works alone.
     */
    private boolean cachedDecodingApplies(AvroKafkaDeserializer<SpecificRecord> registry) {
        AvroKafkaSerdeConfig config = new AvroKafkaSerdeConfig(registryConfig);
        boolean applies = registry.getIdHandler().idSize() == 4 && !config.enableHeaders()
                && config.getAvroEncoding() == AvroEncoding.BINARY && config.useSpecificAvroReader()
                && config.getAvroDatumProvider() == DefaultAvroDatumProvider.class;
        if (!applies) {
            LOG.warn("Registry settings {} are not the Confluent wire format with binary specific Avro: records are decoded "
                    + "by the Apicurio deserializer alone, which resolves the writer schema per record", registryConfig.keySet());
        }
        return applies;
    }

    /**
     * The Apicurio serializer itself, without the per-(topic, schema) id cache that {@link #serde} adds; for tests
     * that compare the two byte for byte.
     */
    public Serializer<SpecificRecord> registrySerializer(boolean isKey) {
        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(registryConfig, isKey);
        return serializer;
    }

    /**
     * The Apicurio deserializer itself, without the per-schema-id reader cache that {@link #serde} adds; for tests
     * that compare the two record for record and exception for exception.
     */
    public AvroKafkaDeserializer<SpecificRecord> registryDeserializer(boolean isKey) {
        AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(registryConfig, isKey);
        return deserializer;
    }
}
