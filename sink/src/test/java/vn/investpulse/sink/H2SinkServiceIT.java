package vn.investpulse.sink;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.TestStores;

/** The sink end to end into the embedded H2 file store, as in local mode. */
class H2SinkServiceIT extends SinkServiceContract {

    @Override
    protected StoreConfig newStore(Path dir) {
        return TestStores.h2(dir);
    }

    @Override
    protected void dropStore(StoreConfig config) {
        // the temp dir goes with the test
    }

    @Override
    protected void dropSinkConnections(StoreConfig config) throws Exception {
        try (Connection admin = DriverManager.getConnection(config.jdbcUrl(), "sa", ""); Statement s = admin.createStatement()) {
            s.executeQuery("SELECT COUNT(ABORT_SESSION(SESSION_ID)) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()").close();
        }
    }
}
