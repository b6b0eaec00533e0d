package vn.investpulse.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the Apicurio serializer so that the registry lookup happens once per (topic, schema) instead of once
 * per record. Why: the Apicurio serializer renders the whole schema to JSON on every record to find its cached
 * id — ~70% of the CPU of a large import, and most of the processor's stream thread (repartition, indicators).
 *
 * <p>The first record of each (topic, schema) goes through the registry serializer; its output must be
 * the Confluent wire format — magic byte 0, a 4-byte schema id, then exactly the Avro binary encoding of the
 * record — or this wrapper stays out of the way for that schema. After that check, records are written as
 * the same 5-byte prefix + Avro binary, byte for byte what the registry serializer would write.
 */
public final class SchemaIdCachingSerializer implements Serializer<SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaIdCachingSerializer.class);
    private static final int PREFIX = 5;
    private static final byte[] NOT_CACHEABLE = new byte[0];

    private record Key(String topic, Schema schema) {
    }

    private final Serializer<SpecificRecord> registry;
    private final Map<Key, byte[]> prefixes = new ConcurrentHashMap<>();

    public SchemaIdCachingSerializer(Serializer<SpecificRecord> registry) {
        this.registry = registry;
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return registry.serialize(topic, null);
        }
        Key key = new Key(topic, record.getSchema());
        byte[] prefix = prefixes.get(key);
        if (prefix == null) {
            byte[] reference = registry.serialize(topic, record);
            prefixes.put(key, cacheablePrefix(reference, record));
            return reference;
        }
        if (prefix == NOT_CACHEABLE) {
            return registry.serialize(topic, record);
        }
        return encode(prefix, record);
    }

    private static byte[] cacheablePrefix(byte[] reference, SpecificRecord record) {
        byte[] mine = encode(new byte[PREFIX], record);
        boolean wireFormat = reference.length == mine.length && reference[0] == 0
                && Arrays.equals(reference, PREFIX, reference.length, mine, PREFIX, mine.length);
        if (!wireFormat) {
            LOG.warn("Registry serializer output for {} is not magic byte + 4-byte id + Avro binary: not caching it",
                    record.getSchema().getFullName());
            return NOT_CACHEABLE;
        }
        return Arrays.copyOf(reference, PREFIX);
    }

    private static byte[] encode(byte[] prefix, SpecificRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(prefix);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            // The generated class's own model carries its logical-type conversions (decimal, date, timestamp).
            SpecificData model = SpecificData.getForClass(record.getClass());
            new SpecificDatumWriter<SpecificRecord>(record.getSchema(), model).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
