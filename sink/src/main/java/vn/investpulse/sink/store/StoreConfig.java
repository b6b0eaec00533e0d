package vn.investpulse.sink.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store is: a JDBC URL (PostgreSQL or H2), its credentials, and optionally the schema the
 * tables live in (null: the connection's default, {@code public}).
 *
 * @param password secret; never logged (see {@link #toString()})
 */
public record StoreConfig(String jdbcUrl, String user, String password, String schema, int maxPoolSize) {

    /** Flags the embedded store always runs with, so the PostgreSQL migrations and SQL run unchanged. */
    public static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be >= 1");
        }
    }

    /**
     * The embedded store under the data dir: {@code jdbc:h2:file:<dataDir>/store/pulse;AUTO_SERVER=TRUE...}.
     * AUTO_SERVER lets a BI tool open the same file while the runtime has it open.
     */
    public static String embeddedUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("store").resolve("pulse");
        return "jdbc:h2:file:" + file.toString().replace('\\', '/') + ";AUTO_SERVER=TRUE" + H2_FLAGS;
    }

    /** The URL with any {@code password=...} parameter masked, for logs and the status endpoint. */
    public String maskedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    public StoreDialect dialect() {
        return StoreDialect.forUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "(unset)" : "****")
                + ", schema=" + schema + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
