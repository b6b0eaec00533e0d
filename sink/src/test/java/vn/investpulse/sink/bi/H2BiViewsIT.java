package vn.investpulse.sink.bi;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.TestStores;

class H2BiViewsIT extends BiViewsContract {

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
}
