package vn.investpulse.sink.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.investpulse.sink.store.Store;

/** Reads whole tables in a comparable form: decimals as plain strings (scale kept), timestamps as UTC instants. */
public final class Tables {

    private Tables() {
    }

    public static List<Map<String, Object>> rows(Store store, String sql) {
        try (Connection c = store.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(), normalise(rs, i, md.getColumnType(i)));
                }
                out.add(row);
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Whole table ordered by its first columns, without the columns named in {@code ignore}. */
    public static List<Map<String, Object>> dump(Store store, String table, String orderBy, Set<String> ignore) {
        List<Map<String, Object>> rows = rows(store, "SELECT * FROM " + table + " ORDER BY " + orderBy);
        rows.forEach(r -> r.keySet().removeAll(ignore));
        return rows;
    }

    public static long count(Store store, String table) {
        return ((Number) rows(store, "SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    private static Object normalise(ResultSet rs, int i, int type) throws SQLException {
        return switch (type) {
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant().toString();
            }
            case java.sql.Types.DATE -> rs.getObject(i, java.time.LocalDate.class);
            case java.sql.Types.NUMERIC, java.sql.Types.DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : d.toPlainString();
            }
            default -> rs.getObject(i);
        };
    }
}
