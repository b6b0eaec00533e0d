package vn.investpulse.sink.store;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What differs between the production store (PostgreSQL) and the embedded one (H2 in PostgreSQL mode):
 * the upsert statement, the migration locations, and how a URL is completed. Everything else — tables,
 * views, queries — is the same SQL.
 */
public sealed interface StoreDialect permits PostgresDialect, H2Dialect {

    /** Migrations both stores run. */
    String COMMON_MIGRATIONS = "classpath:db/migration";
    /** PostgreSQL-only migrations: the BI role and grants. */
    String POSTGRES_MIGRATIONS = "classpath:db/postgres";

    String name();

    /** Flyway locations for this store. */
    List<String> migrationLocations();

    /** The URL as the store needs it (e.g. H2 gets its PostgreSQL-compatibility flags if missing). */
    String completeUrl(String jdbcUrl);

    /**
     * An idempotent "insert or replace every non-key column" for one row of {@code table}, with one
     * {@code ?} per column in {@link TableSpec#columns()} order.
     */
    String upsert(TableSpec table);

    default String delete(TableSpec table) {
        return "DELETE FROM " + table.name() + " WHERE "
                + table.keyColumns().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
    }

    static StoreDialect forUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (url.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        throw new IllegalArgumentException("unsupported store URL (use jdbc:postgresql:... or jdbc:h2:...): " + jdbcUrl);
    }
}
