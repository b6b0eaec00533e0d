package vn.investpulse.sink.write;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

/**
 * Tells a lost or busy store (retry the batch) from a row the store refuses (isolate it, dead-letter it).
 */
public final class SqlFailures {

    /** Exception chains (cause and next exception) are followed this deep at most: drivers can build cycles. */
    private static final int MAX_CHAIN = 20;
    private static final int MAX_MESSAGE = 400;
    private static final Duration VALIDATION = Duration.ofSeconds(2);
    /**
     * SQLSTATE classes that say nothing about the row: 08 connection exception, 57 operator intervention
     * (pg_terminate_backend: 57P01), 53 insufficient resources, 40 transaction rollback (serialization, deadlock).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "57", "53", "40");
    /** H2: connection broken, database closed, database called at VM shutdown, lock timeout. */
    private static final Set<String> H2_TRANSIENT = Set.of("90067", "90098", "90121", "HYT00");

    private SqlFailures() {
    }

    public static boolean isTransient(SQLException e, Connection connection) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_CHAIN; t = next(t)) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (H2_TRANSIENT.contains(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return connection == null || !valid(connection);
    }

    /**
     * The failure in a line an operator can read: the server's messages along the chain, without the batched
     * SQL text that a driver's BatchUpdateException repeats (PostgreSQL puts every bound row in it).
     */
    public static String describe(SQLException e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_CHAIN; t = next(t)) {
            if (t instanceof BatchUpdateException b && b.getNextException() != null) {
                continue;
            }
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "…";
            }
            if (sb.indexOf(message) >= 0) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(" / ");
            }
            sb.append(t instanceof SQLException s && s.getSQLState() != null ? "[" + s.getSQLState() + "] " : "").append(message);
            if (sb.length() > 2000) {
                break;
            }
        }
        return sb.toString();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static boolean valid(Connection connection) {
        try {
            return connection.isValid((int) VALIDATION.toSeconds());
        } catch (SQLException e) {
            return false;
        }
    }
}
