package vn.investpulse.sink.store;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: {@code INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c}. */
public record PostgresDialect() implements StoreDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public List<String> migrationLocations() {
        return List.of(COMMON_MIGRATIONS, POSTGRES_MIGRATIONS);
    }

    @Override
    public String completeUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    @Override
    public String upsert(TableSpec table) {
        String columns = String.join(", ", table.columns());
        String params = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        String updates = table.valueColumns().stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table.name() + " (" + columns + ") VALUES (" + params + ") ON CONFLICT ("
                + String.join(", ", table.keyColumns()) + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }
}
