package vn.investpulse.processor.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * A registration waiting for an FX rate to be in force at its date (see {@link Placement}): what is needed to pass it
 * on once the rate is there, or to refuse it when the wait is over.
 *
 * @param key       the record key (the certificate number)
 * @param origin    {@code topic/partition/offset} where the registration was first read, or null
 * @param timestamp the record's timestamp
 * @param parkedAt  wall-clock time it started waiting, epoch milliseconds
 */
record ParkedRegistration(String key, RegistrationEvent event, String origin, long timestamp, long parkedAt) {

    /** The store key: where the registration was read (each record waits on its own, duplicates included). */
    static String storeKey(String key, String origin, long timestamp) {
        return origin != null ? origin : key + "@" + timestamp;
    }

    /**
     * The stored form: the event in the registry's wire format (so a stored one is still readable after its schema
     * evolves), the rest beside it.
     */
    static Serde<ParkedRegistration> serde(Serde<RegistrationEvent> events, String topic) {
        Serializer<ParkedRegistration> serializer = (t, p) -> {
            if (p == null) {
                return null;
            }
            try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256); DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(p.key == null ? "" : p.key);
                out.writeBoolean(p.origin != null);
                if (p.origin != null) {
                    out.writeUTF(p.origin);
                }
                out.writeLong(p.timestamp);
                out.writeLong(p.parkedAt);
                byte[] event = events.serializer().serialize(topic, p.event);
                out.writeInt(event.length);
                out.write(event);
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Deserializer<ParkedRegistration> deserializer = (t, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                String key = in.readUTF();
                String origin = in.readBoolean() ? in.readUTF() : null;
                long timestamp = in.readLong();
                long parkedAt = in.readLong();
                byte[] event = new byte[in.readInt()];
                in.readFully(event);
                return new ParkedRegistration(key.isEmpty() ? null : key, events.deserializer().deserialize(topic, event),
                        origin, timestamp, parkedAt);
            } catch (IOException e) {
                throw new SerializationException("cannot read a parked registration", e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
