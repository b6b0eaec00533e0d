package vn.investpulse.sink.write;

import java.util.List;
import vn.investpulse.sink.store.TableSpec;

/** One change to the store, decoded from one consumed record. */
public sealed interface Op {

    TableSpec table();

    /** The primary-key values: within a batch, the last op per (table, key) wins. */
    List<Object> key();

    Origin origin();

    /** Insert the row, or replace every non-key column of the row with the same key. */
    record Upsert(TableSpec table, List<Object> values, Origin origin) implements Op {
        public Upsert {
            if (values.size() != table.all().size()) {
                throw new IllegalArgumentException(table.name() + ": " + table.all().size() + " values expected, got " + values.size());
            }
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        @Override
        public List<Object> key() {
            return values.subList(0, table.keys().size());
        }
    }

    /** A tombstone on a compacted topic: the row with this key goes. */
    record Delete(TableSpec table, List<Object> key, Origin origin) implements Op {
    }
}
