package vn.investpulse.sink.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import vn.investpulse.sink.store.StoreConfig;

/**
 * The stores the integration tests run against: the real PostgreSQL server of {@code .ci/postgres.sh}
 * ({@code PULSE_TEST_PG_URL}, user/password pulse/pulse), each test in a fresh schema; and the embedded H2
 * file store in a temp directory. A missing PostgreSQL FAILS the test with the fix in the message, unless
 * {@code -Dpulse.skipPostgres=true} says to skip it.
 */
public final class TestStores {

    public static final String PG_URL_ENV = "PULSE_TEST_PG_URL";
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/pulse_test";
    public static final String PG_USER = System.getenv().getOrDefault("PULSE_TEST_PG_USER", "pulse");
    public static final String PG_PASSWORD = System.getenv().getOrDefault("PULSE_TEST_PG_PASSWORD", "pulse");

    private TestStores() {
    }

    public static String pgUrl() {
        String url = System.getenv(PG_URL_ENV);
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    /** A fresh schema on the test PostgreSQL server (dropped by {@link #dropPostgresSchema}). */
    public static StoreConfig postgres() {
        requirePostgres();
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return new StoreConfig(pgUrl(), PG_USER, PG_PASSWORD, schema, 4);
    }

    public static void requirePostgres() {
        if (Boolean.getBoolean("pulse.skipPostgres")) {
            Assumptions.abort("PostgreSQL tests skipped: -Dpulse.skipPostgres=true");
        }
        try (Connection c = DriverManager.getConnection(pgUrl(), PG_USER, PG_PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            fail("PostgreSQL is not reachable at " + pgUrl() + " as " + PG_USER + " (" + e.getMessage() + "). "
                    + "Start it with `sudo .ci/postgres.sh` from the repository root (or set " + PG_URL_ENV + "), "
                    + "or skip the PostgreSQL tests with -Dpulse.skipPostgres=true.");
        }
    }

    public static void dropPostgresSchema(StoreConfig config) {
        if (config == null || config.schema() == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pgUrl(), PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + config.schema(), e);
        }
    }

    /** The embedded store, exactly as local mode opens it, under {@code dir}. */
    public static StoreConfig h2(Path dir) {
        return new StoreConfig(StoreConfig.embeddedUrl(dir), "sa", "", null, 4);
    }
}
