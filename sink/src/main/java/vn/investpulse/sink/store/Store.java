package vn.investpulse.sink.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's database: a HikariCP pool on PostgreSQL or the embedded H2 file, migrated with Flyway
 * on {@link #open(StoreConfig)}. The same migrations ({@code db/migration}) build both; PostgreSQL also
 * gets {@code db/postgres} (the read-only BI role).
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** How long a caller waits for a pooled connection before the attempt counts as failed (and is retried). */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private final StoreConfig config;
    private final StoreDialect dialect;
    private final HikariDataSource dataSource;

    private Store(StoreConfig config, StoreDialect dialect, HikariDataSource dataSource) {
        this.config = config;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** Opens the pool and applies pending migrations; throws if the store is unreachable or a migration fails. */
    public static Store open(StoreConfig config) {
        StoreDialect dialect = config.dialect();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("pulse-sink-store");
        hikari.setJdbcUrl(dialect.completeUrl(config.jdbcUrl()));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(false);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (dialect instanceof PostgresDialect) {
            if (config.schema() != null) {
                // A startup parameter, not Hikari's setSchema: with auto-commit off, setSchema's SET search_path runs
                // inside the connection's first transaction, and a rollback of that transaction (a batch that fails)
                // would silently put the connection back on the default schema.
                hikari.addDataSourceProperty("currentSchema", config.schema());
            }
            // Lets the driver send a JDBC batch of single-row upserts as multi-row statements (rows are
            // de-duplicated per key before they are batched, so one statement never touches a row twice).
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            hikari.addDataSourceProperty("ApplicationName", "pulse-sink");
        } else if (config.schema() != null) {
            // H2's SET SCHEMA is a session setting that a rollback does not undo.
            hikari.setSchema(config.schema());
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            migrate(dataSource, dialect, config.schema());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Store(config, dialect, dataSource);
    }

    private static void migrate(DataSource dataSource, StoreDialect dialect, String schema) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocations().toArray(String[]::new))
                .failOnMissingLocations(true);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        MigrateResult result = flyway.load().migrate();
        LOG.info("Store {} migrated: {} migration(s) applied, schema version {}", dialect.name(), result.migrationsExecuted,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
    }

    /** A pooled connection with auto-commit off: the caller commits or rolls back, then closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Takes a connection out of the pool for good: after a lost connection, so the retry gets a fresh one
     * (the pool only recognises some vendors' "connection lost" codes by itself).
     */
    public void evict(Connection connection) {
        dataSource.evictConnection(connection);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StoreDialect dialect() {
        return dialect;
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
