package vn.investpulse.sink.offsets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink's consumer positions in table {@code sink_offset}: the next offset to read per (group, topic,
 * partition). They are advanced in the transaction that writes the batch's rows, and only from the
 * value this instance last read or wrote: if another instance moved a partition on (a rebalance that
 * left a zombie behind), {@link #advance} fails with {@link OffsetConflictException} and the batch rolls
 * back instead of being applied twice.
 */
public final class OffsetStore {

    /** A partition never seen starts at 0; a log that starts later resets to its earliest offset. */
    public static final long FIRST_OFFSET = 0L;

    private static final String SELECT = "SELECT next_offset FROM sink_offset WHERE consumer_group = ? AND topic = ? AND kafka_partition = ?";
    private static final String INSERT_IF_ABSENT = "INSERT INTO sink_offset (consumer_group, topic, kafka_partition, next_offset, updated_at) "
            + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM sink_offset WHERE consumer_group = ? AND topic = ? AND kafka_partition = ?)";
    private static final String ADVANCE = "UPDATE sink_offset SET next_offset = ?, updated_at = ? "
            + "WHERE consumer_group = ? AND topic = ? AND kafka_partition = ? AND next_offset = ?";
    private static final String ALL = "SELECT topic, kafka_partition, next_offset FROM sink_offset WHERE consumer_group = ? "
            + "ORDER BY topic, kafka_partition";

    private final String group;
    private final Clock clock;

    public OffsetStore(String group, Clock clock) {
        this.group = Objects.requireNonNull(group, "group");
        this.clock = clock;
    }

    public String group() {
        return group;
    }

    /**
     * The stored next offsets of the given partitions, creating a row at {@link #FIRST_OFFSET} for a partition
     * seen for the first time. The caller commits.
     */
    public Map<TopicPartition, Long> claim(Connection c, Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT_IF_ABSENT); PreparedStatement select = c.prepareStatement(SELECT)) {
            for (TopicPartition tp : partitions) {
                insert.setString(1, group);
                insert.setString(2, tp.topic());
                insert.setInt(3, tp.partition());
                insert.setLong(4, FIRST_OFFSET);
                insert.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
                insert.setString(6, group);
                insert.setString(7, tp.topic());
                insert.setInt(8, tp.partition());
                insert.executeUpdate();
                out.put(tp, read(select, tp));
            }
        }
        return out;
    }

    /**
     * Moves each partition from its expected stored offset to its next one. Throws
     * {@link OffsetConflictException} if a stored offset is not the expected one.
     */
    public void advance(Connection c, Map<TopicPartition, Long> expected, Map<TopicPartition, Long> next)
            throws SQLException, OffsetConflictException {
        try (PreparedStatement update = c.prepareStatement(ADVANCE)) {
            for (var e : next.entrySet()) {
                TopicPartition tp = e.getKey();
                Long from = expected.get(tp);
                if (from == null) {
                    throw new OffsetConflictException(tp + " is not assigned to this sink");
                }
                update.setLong(1, e.getValue());
                update.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                update.setString(3, group);
                update.setString(4, tp.topic());
                update.setInt(5, tp.partition());
                update.setLong(6, from);
                if (update.executeUpdate() != 1) {
                    throw new OffsetConflictException(tp + ": stored offset is no longer " + from
                            + " (another sink instance advanced it)");
                }
            }
        }
    }

    /** Every stored position of this group, for status and tests. */
    public Map<TopicPartition, Long> all(Connection c) throws SQLException {
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ALL)) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        }
        return out;
    }

    private long read(PreparedStatement select, TopicPartition tp) throws SQLException {
        select.setString(1, group);
        select.setString(2, tp.topic());
        select.setInt(3, tp.partition());
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("sink_offset row for " + tp + " vanished");
            }
            return rs.getLong(1);
        }
    }
}
