package vn.investpulse.sink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.investpulse.sink.write.SinkTables;

class StoreDialectTest {

    @Test
    void postgresUpsertsWithOnConflictOnThePrimaryKey() {
        String sql = new PostgresDialect().upsert(SinkTables.ALERT);
        assertThat(sql).startsWith("INSERT INTO alert (id, processed_at, state, kind, source,")
                .contains("ON CONFLICT (id, processed_at, state) DO UPDATE SET kind = EXCLUDED.kind, source = EXCLUDED.source")
                .endsWith("message_en = EXCLUDED.message_en");
        assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(SinkTables.ALERT.all().size());
    }

    @Test
    void h2MergesOnThePrimaryKey() {
        assertThat(new H2Dialect().upsert(SinkTables.REJECTED_ROW))
                .startsWith("MERGE INTO rejected_row (id, dlq_topic, dlq_partition,").contains(") KEY (id) VALUES (?, ?, ");
    }

    @Test
    void deletesByThePrimaryKey() {
        assertThat(new H2Dialect().delete(SinkTables.INDICATOR)).isEqualTo("DELETE FROM indicator WHERE source = ? AND dimension = ? "
                + "AND dimension_value = ? AND period_kind = ? AND period_id = ?");
    }

    @Test
    void theDialectFollowsTheUrlAndH2GetsItsCompatibilityFlags() {
        assertThat(StoreDialect.forUrl("jdbc:postgresql://db/pulse")).isInstanceOf(PostgresDialect.class);
        assertThat(StoreDialect.forUrl("jdbc:h2:file:./data/store/pulse")).isInstanceOf(H2Dialect.class);
        assertThat(new H2Dialect().completeUrl("jdbc:h2:file:./data/store/pulse;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/store/pulse;AUTO_SERVER=TRUE" + StoreConfig.H2_FLAGS);
        assertThat(new H2Dialect().completeUrl("jdbc:h2:mem:x;MODE=PostgreSQL")).isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
        assertThatThrownBy(() -> StoreDialect.forUrl("jdbc:sqlite:x.db")).hasMessageContaining("unsupported store URL");
        assertThat(new PostgresDialect().migrationLocations()).containsExactly("classpath:db/migration", "classpath:db/postgres");
        assertThat(new H2Dialect().migrationLocations()).containsExactly("classpath:db/migration");
    }

    @Test
    void embeddedUrlIsAnAbsoluteFileUnderTheDataDir() {
        assertThat(StoreConfig.embeddedUrl(Path.of("/srv/pulse/data")))
                .startsWith("jdbc:h2:file:/srv/pulse/data/store/pulse;AUTO_SERVER=TRUE;MODE=PostgreSQL");
    }

    @Test
    void passwordsInUrlsAreMasked() {
        StoreConfig c = new StoreConfig("jdbc:postgresql://db/pulse?user=a&password=hunter2&ssl=true", "a", "x", null, 2);
        assertThat(c.maskedUrl()).isEqualTo("jdbc:postgresql://db/pulse?user=a&password=****&ssl=true");
        assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("=x,");
    }
}
