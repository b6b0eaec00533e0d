package vn.investpulse.sink.store;

import java.util.List;
import java.util.stream.Stream;

/**
 * A table the sink writes: its name, its primary-key columns and its other columns, each with the JDBC
 * type used to bind a null. Values are bound key columns first, in {@link #columns()} order.
 */
public record TableSpec(String name, List<Column> keys, List<Column> values) {

    /** A column and its {@link java.sql.Types} code. */
    public record Column(String name, int sqlType) {
    }

    public TableSpec {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " needs a key");
        }
    }

    public List<Column> all() {
        return Stream.concat(keys.stream(), values.stream()).toList();
    }

    public List<String> keyColumns() {
        return keys.stream().map(Column::name).toList();
    }

    public List<String> valueColumns() {
        return values.stream().map(Column::name).toList();
    }

    public List<String> columns() {
        return all().stream().map(Column::name).toList();
    }
}
