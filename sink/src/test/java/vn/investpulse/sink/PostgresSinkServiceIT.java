package vn.investpulse.sink;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.TestStores;

/** The sink end to end into the real PostgreSQL server. */
class PostgresSinkServiceIT extends SinkServiceContract {

    @Override
    protected StoreConfig newStore(Path dir) {
        return TestStores.postgres();
    }

    @Override
    protected void dropStore(StoreConfig config) {
        TestStores.dropPostgresSchema(config);
    }

    @Override
    protected void dropSinkConnections(StoreConfig config) throws Exception {
        try (Connection admin = DriverManager.getConnection(TestStores.pgUrl(), TestStores.PG_USER, TestStores.PG_PASSWORD);
             Statement s = admin.createStatement()) {
            s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'pulse-sink' AND pid <> pg_backend_pid()").close();
        }
    }
}
