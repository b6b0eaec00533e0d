package vn.investpulse.processor.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import vn.investpulse.processor.facts.ProjectEvent;
import vn.investpulse.processor.facts.ProjectEntry;
import vn.investpulse.processor.figures.Plan;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Small binary formats for the processor's own stores (no registry round trip, no Avro per store write).
 * Every format starts with a version byte so it can evolve; BigDecimals are stored exactly (scale + unscaled).
 */
public final class CompactSerdes {

    private static final byte V1 = 1;

    private CompactSerdes() {
    }

    /** A counted entry: its certificate number, its place in the project, the entry. */
    public static Serde<ProjectEntry> projectEntry() {
        return Serdes.serdeFrom((topic, p) -> p == null ? null : write(out -> {
            out.writeUTF(p.certificateNo());
            out.writeInt(p.place());
            writeEvent(out, p.event());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new ProjectEntry(in.readUTF(), in.readInt(), readEvent(in))));
    }

    /**
     * A registration waiting for its FX rate: the event in the registry's wire format (so a stored one is still
     * readable after its schema evolves, through {@code events}, written for {@code topic}), the rest beside it.
     */
    public static Serde<ParkedRegistration> parkedRegistration(Serde<RegistrationEvent> events, String topic) {
        return Serdes.serdeFrom((t, p) -> p == null ? null : write(out -> {
            writeNullable(out, p.key());
            writeNullable(out, p.origin());
            out.writeLong(p.timestamp());
            out.writeLong(p.parkedAt());
            byte[] event = events.serializer().serialize(topic, p.event());
            out.writeInt(event.length);
            out.write(event);
        }), (t, bytes) -> bytes == null ? null : read(bytes, in -> {
            String key = readNullable(in);
            String origin = readNullable(in);
            long timestamp = in.readLong();
            long parkedAt = in.readLong();
            byte[] event = new byte[in.readInt()];
            in.readFully(event);
            return new ParkedRegistration(key, events.deserializer().deserialize(topic, event), origin, timestamp, parkedAt);
        }));
    }

    public static Serde<BigDecimal> decimal() {
        return Serdes.serdeFrom((topic, d) -> d == null ? null : write(out -> writeDecimal(out, d)),
                (topic, bytes) -> bytes == null ? null : read(bytes, CompactSerdes::readDecimal));
    }

    public static Serde<Plan> plan() {
        return Serdes.serdeFrom((topic, p) -> p == null ? null : write(out -> {
            writeDecimal(out, p.amount());
            out.writeUTF(p.currency());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new Plan(readDecimal(in), in.readUTF())));
    }

    public static Serde<DirtyMark> dirtyMark() {
        return Serdes.serdeFrom((topic, d) -> d == null ? null : write(out -> {
            out.writeInt(monthIndex(d.fromMonth()));
            out.writeInt(d.changedMonths().size());
            for (YearMonth m : d.changedMonths()) {
                out.writeInt(monthIndex(m));
            }
            out.writeBoolean(d.ratesChanged());
            writeNullable(out, d.eventId());
            writeNullable(out, d.certificateNo());
            out.writeLong(d.ingestedAt() == null ? Long.MIN_VALUE : d.ingestedAt());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
            YearMonth from = month(in.readInt());
            int n = in.readInt();
            TreeSet<YearMonth> months = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                months.add(month(in.readInt()));
            }
            boolean rates = in.readBoolean();
            String eventId = readNullable(in);
            String cert = readNullable(in);
            long at = in.readLong();
            return new DirtyMark(from, months, rates, eventId, cert, at == Long.MIN_VALUE ? null : at);
        }));
    }

    private static int monthIndex(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    private static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    // --- formats ---

    private static void writeEvent(DataOutputStream out, ProjectEvent e) throws IOException {
        out.writeUTF(e.eventId());
        out.writeByte(e.type().ordinal());
        out.writeByte(e.source().ordinal());
        out.writeUTF(e.zone());
        out.writeUTF(e.sector());
        out.writeUTF(e.country());
        out.writeInt((int) e.date().toEpochDay());
        writeNullable(out, e.currency());
        out.writeBoolean(e.amount() != null);
        if (e.amount() != null) {
            writeDecimal(out, e.amount());
        }
    }

    private static ProjectEvent readEvent(DataInputStream in) throws IOException {
        String id = in.readUTF();
        EventType type = EventType.values()[in.readByte()];
        CapitalSource source = CapitalSource.values()[in.readByte()];
        String zone = in.readUTF();
        String sector = in.readUTF();
        String country = in.readUTF();
        LocalDate date = LocalDate.ofEpochDay(in.readInt());
        String currency = readNullable(in);
        BigDecimal amount = in.readBoolean() ? readDecimal(in) : null;
        return new ProjectEvent(id, type, source, zone, sector, country, date, currency, amount);
    }

    private static void writeDecimal(DataOutputStream out, BigDecimal d) throws IOException {
        byte[] unscaled = d.unscaledValue().toByteArray();
        out.writeInt(d.scale());
        out.writeShort(unscaled.length);
        out.write(unscaled);
    }

    private static BigDecimal readDecimal(DataInputStream in) throws IOException {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readShort()];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    // --- plumbing ---

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(V1);
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != V1) {
                throw new IllegalStateException("unknown store format version " + version);
            }
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
