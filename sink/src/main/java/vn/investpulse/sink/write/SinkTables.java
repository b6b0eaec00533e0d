package vn.investpulse.sink.write;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.NUMERIC;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;

import java.util.List;
import vn.investpulse.sink.store.TableSpec;
import vn.investpulse.sink.store.TableSpec.Column;

/** The tables the sink writes, column for column as in {@code db/migration/V1__store.sql}. */
public final class SinkTables {

    public static final TableSpec INDICATOR = new TableSpec("indicator",
            List.of(c("source", VARCHAR), c("dimension", VARCHAR), c("dimension_value", VARCHAR), c("period_kind", VARCHAR),
                    c("period_id", VARCHAR)),
            List.of(c("period_start", DATE), c("period_end", DATE),
                    c("new_projects", INTEGER), c("capital_increases", INTEGER), c("capital_decreases", INTEGER),
                    c("share_purchases", INTEGER), c("terminations", INTEGER),
                    c("new_capital_usd", NUMERIC), c("new_capital_vnd", NUMERIC),
                    c("adjusted_capital_usd", NUMERIC), c("adjusted_capital_vnd", NUMERIC),
                    c("share_purchase_capital_usd", NUMERIC), c("share_purchase_capital_vnd", NUMERIC),
                    c("total_capital_usd", NUMERIC), c("total_capital_vnd", NUMERIC),
                    c("plan_amount", NUMERIC), c("plan_currency", VARCHAR), c("plan_progress_pct", NUMERIC),
                    c("yoy_growth_pct", NUMERIC), c("cumulative_projects", INTEGER),
                    c("cumulative_capital_usd", NUMERIC), c("cumulative_capital_vnd", NUMERIC),
                    c("as_of", TIMESTAMP_WITH_TIMEZONE), c("last_ingested_at", TIMESTAMP_WITH_TIMEZONE),
                    c("last_event_id", VARCHAR), c("last_certificate_no", VARCHAR)));

    public static final TableSpec ALERT = new TableSpec("alert",
            List.of(c("id", VARCHAR), c("processed_at", TIMESTAMP_WITH_TIMEZONE), c("state", VARCHAR)),
            List.of(c("kind", VARCHAR), c("source", VARCHAR), c("scope", VARCHAR), c("alert_year", INTEGER),
                    c("threshold_pct", NUMERIC), c("progress_pct", NUMERIC), c("plan_amount", NUMERIC),
                    c("plan_currency", VARCHAR), c("event_id", VARCHAR), c("certificate_no", VARCHAR),
                    c("event_time", TIMESTAMP_WITH_TIMEZONE), c("message_vi", VARCHAR), c("message_en", VARCHAR)));

    public static final TableSpec REJECTED_ROW = new TableSpec("rejected_row",
            List.of(c("id", VARCHAR)),
            List.of(c("dlq_topic", VARCHAR), c("dlq_partition", INTEGER), c("dlq_offset", BIGINT), c("stage", VARCHAR),
                    c("connector", VARCHAR), c("file", VARCHAR), c("line", BIGINT), c("source_topic", VARCHAR),
                    c("source_partition", INTEGER), c("source_offset", BIGINT), c("event_id", VARCHAR),
                    c("raw_text", VARCHAR), c("raw_bytes_base64", VARCHAR), c("reason", VARCHAR), c("reason_vi", VARCHAR),
                    c("error_class", VARCHAR), c("rejected_at", TIMESTAMP_WITH_TIMEZONE)));

    public static final List<TableSpec> ALL = List.of(INDICATOR, ALERT, REJECTED_ROW);

    private SinkTables() {
    }

    private static Column c(String name, int sqlType) {
        return new Column(name, sqlType);
    }
}
