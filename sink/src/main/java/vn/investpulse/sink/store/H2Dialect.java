package vn.investpulse.sink.store;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The embedded H2 store in PostgreSQL mode: {@code MERGE INTO t (cols) KEY (key) VALUES (...)}. */
public record H2Dialect() implements StoreDialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public List<String> migrationLocations() {
        return List.of(COMMON_MIGRATIONS);
    }

    @Override
    public String completeUrl(String jdbcUrl) {
        return jdbcUrl.toUpperCase(Locale.ROOT).contains(";MODE=") ? jdbcUrl : jdbcUrl + StoreConfig.H2_FLAGS;
    }

    @Override
    public String upsert(TableSpec table) {
        String params = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        return "MERGE INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") KEY ("
                + String.join(", ", table.keyColumns()) + ") VALUES (" + params + ")";
    }
}
