package vn.investpulse.sink.bi;

import vn.investpulse.sink.store.StoreConfig;
import vn.investpulse.sink.support.TestStores;

class PostgresBiViewsIT extends BiViewsContract {

    @Override
    protected StoreConfig newStore() {
        return TestStores.postgres();
    }

    @Override
    protected void dropStore(StoreConfig config) {
        TestStores.dropPostgresSchema(config);
    }
}
