package vn.investpulse.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.Tables;
import vn.investpulse.sink.support.TestStores;

/** The store contract on the embedded H2 file store, opened exactly as local mode opens it. */
class H2StoreWriterIT extends StoreWriterContract {

    @TempDir
    Path dataDir;

    @Override
    protected StoreConfig newStore() {
        return TestStores.h2(dataDir);
    }

    @Override
    protected void dropStore(StoreConfig config) {
        // the temp dir goes with the test
    }

    @Override
    protected void breakConnections() throws Exception {
        // H2's pg_terminate_backend: abort every other session; the pool's connections are now dead.
        try (Connection admin = DriverManager.getConnection(config.jdbcUrl(), "sa", "");
             var s = admin.createStatement();
             var rs = s.executeQuery("SELECT COUNT(ABORT_SESSION(SESSION_ID)) FROM INFORMATION_SCHEMA.SESSIONS "
                     + "WHERE SESSION_ID <> SESSION_ID()")) {
            rs.next();
            assertThat(rs.getInt(1)).as("aborted sink sessions").isPositive();
        }
    }

    @Override
    protected int expectedRetriesAfterBreak() {
        return 0;
    }

    @Test
    void theStoreIsAFileUnderTheDataDirThatABiToolCanOpenWhileTheSinkRuns() throws Exception {
        assertThat(Files.exists(dataDir.resolve("store").resolve("pulse.mv.db"))).isTrue();
        // A second process-style connection with the documented URL while the sink's pool holds the file.
        String documented = "jdbc:h2:file:" + dataDir.resolve("store/pulse") + ";AUTO_SERVER=TRUE";
        try (Connection bi = DriverManager.getConnection(documented, "sa", "")) {
            assertThat(bi.createStatement().executeQuery("SELECT COUNT(*) FROM indicator").next()).isTrue();
        }
        assertThat(Tables.count(store, "sink_offset")).isZero();
    }

    @Test
    void aBiToolOpensTheStoreWithTheDocumentedUrlWhenTheRuntimeIsNotRunning() throws Exception {
        everyFigureOfAnIndicatorLandsExactly();
        store.close();
        store = null;
        // README-BI.md: jdbc:h2:file:./data/store/pulse;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH
        String documented = "jdbc:h2:file:" + dataDir.resolve("store/pulse")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection bi = DriverManager.getConnection(documented, "sa", "");
             var rs = bi.createStatement().executeQuery("SELECT plan_progress_pct, period_end FROM indicator WHERE period_id = '2024-Q1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal("plan_progress_pct")).isEqualByComparingTo("10.60");
            assertThat(rs.getObject("period_end", java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2024, 3, 31));
        }
    }
}
