package vn.investpulse.contracts;

import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the Apicurio deserializer so that each writer schema is resolved against its generated class once per
 * schema id instead of once per record. Why: the Apicurio deserializer builds a new DatumReader for every record,
 * so Avro resolves the writer schema against the reader schema (deep {@code Schema.equals}) every time — most of
 * the processor's SSE consumer thread and a good part of its stream thread.
 *
 * <p>Records are in the Confluent wire format: magic byte 0, a 4-byte schema id, then the Avro binary encoding.
 * The first record of each id goes through the registry deserializer; the writer schema then comes from that
 * deserializer's own schema resolver (already cached there), the reader schema and logical-type conversions from
 * the generated class it returned. That record is decoded once more on the cached path and must come out equal, or
 * this wrapper stays out of the way for that id. After that, records of the id are decoded by a ready reader.
 *
 * <p>Anything the cached path does not handle — null, no magic byte, too short, an id not seen yet, bytes that do
 * not decode — goes to the registry deserializer, so the same record or the same exception (type and message)
 * comes out as without this wrapper.
 */
public final class SchemaIdCachingDeserializer implements Deserializer<SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaIdCachingDeserializer.class);
    private static final int PREFIX = 5;
    private static final byte MAGIC_BYTE = 0;
    private static final CachedReader NOT_CACHEABLE = new CachedReader(null);

    private final AvroKafkaDeserializer<SpecificRecord> registry;
    private final Map<Integer, CachedReader> readers = new ConcurrentHashMap<>();

    /**
     * @param registry a configured Apicurio deserializer that reads 4-byte ids from the payload (not from headers),
     *                 binary Avro, into specific records
     */
    public SchemaIdCachingDeserializer(AvroKafkaDeserializer<SpecificRecord> registry) {
        if (registry.getIdHandler() == null || registry.getIdHandler().idSize() != PREFIX - 1) {
            throw new IllegalArgumentException("the registry deserializer must be configured for 4-byte schema ids");
        }
        this.registry = registry;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return deserialize(data, () -> registry.deserialize(topic, data));
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(data, () -> registry.deserialize(topic, headers, data));
    }

    /** Whether records with this schema id take the cached path (after the first one); for tests and diagnostics. */
    public boolean caches(int schemaId) {
        CachedReader reader = readers.get(schemaId);
        return reader != null && reader != NOT_CACHEABLE;
    }

    private SpecificRecord deserialize(byte[] data, Supplier<SpecificRecord> viaRegistry) {
        if (data == null || data.length < PREFIX || data[0] != MAGIC_BYTE) {
            return viaRegistry.get();
        }
        int id = schemaId(data);
        CachedReader reader = readers.get(id);
        if (reader == null) {
            // An unknown id throws here, exactly as before, and is not remembered: the registry may know it later.
            SpecificRecord value = viaRegistry.get();
            readers.putIfAbsent(id, checkedReader(id, data, value));
            return value;
        }
        if (reader == NOT_CACHEABLE) {
            return viaRegistry.get();
        }
        try {
            return reader.read(data);
        } catch (IOException | RuntimeException e) {
            // Truncated or garbage bytes: the registry deserializer decodes them again and throws what it always threw.
            return viaRegistry.get();
        }
    }

    private CachedReader checkedReader(int id, byte[] data, SpecificRecord value) {
        if (value == null) {
            return NOT_CACHEABLE;
        }
        try {
            // The registry deserializer's own id handler and resolver: the same reference, a cache hit.
            ArtifactReference reference = registry.getIdHandler().readId(ByteBuffer.wrap(data, 1, PREFIX - 1));
            Schema writer = registry.getSchemaResolver().resolveSchemaByArtifactReference(reference)
                    .getParsedSchema().getParsedSchema();
            CachedReader reader = CachedReader.of(writer, value);
            if (value.equals(reader.read(data))) {
                return reader;
            }
            LOG.warn("Schema id {} ({}): the cached reader decodes differently from the registry deserializer: not caching it",
                    id, value.getSchema().getFullName());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Schema id {} ({}): cannot prepare a cached reader, not caching it", id, value.getSchema().getFullName(), e);
        }
        return NOT_CACHEABLE;
    }

    private static int schemaId(byte[] data) {
        return (data[1] & 0xFF) << 24 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 8 | (data[4] & 0xFF);
    }

    @Override
    public void close() {
        registry.close();
    }

    /** One writer schema resolved against one generated class; a reader per thread, as DatumReaders are not shared. */
    private static final class CachedReader {

        private final ThreadLocal<DatumReader<SpecificRecord>> perThread;

        private CachedReader(ThreadLocal<DatumReader<SpecificRecord>> perThread) {
            this.perThread = perThread;
        }

        /** Reads into the class of {@code sample}, with the reader schema the registry deserializer used for it. */
        static CachedReader of(Schema writer, SpecificRecord sample) {
            Schema reader = sample.getSchema();
            // The generated class's own model carries its logical-type conversions (decimal, date, timestamp).
            SpecificData model = SpecificData.getForClass(sample.getClass());
            return new CachedReader(ThreadLocal.withInitial(() -> new SpecificDatumReader<>(writer, reader, model)));
        }

        SpecificRecord read(byte[] data) throws IOException {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, PREFIX, data.length - PREFIX, null);
            return perThread.get().read(null, decoder);
        }
    }
}
