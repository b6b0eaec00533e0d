package vn.investpulse.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.Tables;
import vn.investpulse.sink.support.TestStores;

/** The store contract on the real PostgreSQL server, plus what only PostgreSQL has: the pulse_bi role. */
class PostgresStoreWriterIT extends StoreWriterContract {

    @Override
    protected StoreConfig newStore() {
        return TestStores.postgres();
    }

    @Override
    protected void dropStore(StoreConfig config) {
        TestStores.dropPostgresSchema(config);
    }

    @Override
    protected void breakConnections() throws Exception {
        try (Connection admin = DriverManager.getConnection(TestStores.pgUrl(), TestStores.PG_USER, TestStores.PG_PASSWORD);
             Statement s = admin.createStatement()) {
            var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE application_name = 'pulse-sink' AND pid <> pg_backend_pid()");
            rs.next();
            assertThat(rs.getInt(1)).as("terminated sink connections").isPositive();
        }
    }

    @Override
    protected int expectedRetriesAfterBreak() {
        return 1;
    }

    @Test
    void biRoleReadsEveryTableAndViewButWritesNothing() throws Exception {
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            s.execute("GRANT pulse_bi TO CURRENT_USER");
            s.execute("SET ROLE pulse_bi");
            for (String relation : java.util.List.of("indicator", "alert", "rejected_row", "sink_offset", "v_year_summary",
                    "v_top_zones", "v_top_sectors", "v_top_countries", "v_monthly_series", "v_alert_current")) {
                s.executeQuery("SELECT * FROM " + relation).close();
            }
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM indicator"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            c.rollback();
        }
        assertThat(Tables.rows(store, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'pulse_bi'"))
                .containsExactly(Map.of("rolcanlogin", false));
    }
}
