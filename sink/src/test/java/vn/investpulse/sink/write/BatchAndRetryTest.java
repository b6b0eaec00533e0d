package vn.investpulse.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import vn.investpulse.contracts.Topics;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.sink.support.Fixtures;

class BatchAndRetryTest {

    static Origin at(String topic, int partition, long offset) {
        return new Origin(topic, partition, offset, null, null, null);
    }

    @Test
    void theLastOpOnAKeyWinsAndOffsetsAdvancePastTheLastRecord() {
        Indicator jan = Fixtures.month(IndicatorSource.FDI, Dimension.TOTAL, "", YearMonth.of(2024, 1), "1", "24300", 1);
        Indicator janCorrected = Indicator.newBuilder(jan).setNewProjects(3).build();
        Batch batch = new Batch();
        batch.add(Rows.indicator(jan, at(Topics.INDICATORS, 1, 10)));
        batch.consumed(Topics.INDICATORS, 1, 10);
        batch.add(Rows.indicator(janCorrected, at(Topics.INDICATORS, 1, 11)));
        batch.consumed(Topics.INDICATORS, 1, 11);
        batch.add(Rows.indicatorDelete(Fixtures.keyOf(jan), at(Topics.INDICATORS, 1, 12)));
        batch.consumed(Topics.INDICATORS, 1, 12);
        batch.add(Rows.indicator(janCorrected, at(Topics.INDICATORS, 1, 13)));
        batch.consumed(Topics.INDICATORS, 1, 13);
        batch.consumed(Topics.ALERTS, 0, 4);

        assertThat(batch.ops()).singleElement().satisfies(op -> {
            assertThat(op).isInstanceOf(Op.Upsert.class);
            assertThat(op.origin().offset()).isEqualTo(13);
            assertThat(((Op.Upsert) op).values().get(7)).isEqualTo(3);
        });
        assertThat(batch.records()).isEqualTo(5);
        assertThat(batch.nextOffsets()).isEqualTo(Map.of(new TopicPartition(Topics.INDICATORS, 1), 14L,
                new TopicPartition(Topics.ALERTS, 0), 5L));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryPolicy retry = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(retry.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(retry.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.backoff(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void indicatorRowsCarryInstantsAsUtcAndKeepDecimalScale() {
        Op.Upsert row = Rows.indicator(Fixtures.q1Fdi2024(), at(Topics.INDICATORS, 0, 0));
        Map<String, Object> byColumn = new java.util.LinkedHashMap<>();
        for (int i = 0; i < row.values().size(); i++) {
            byColumn.put(SinkTables.INDICATOR.columns().get(i), row.values().get(i));
        }
        assertThat(byColumn.get("as_of")).hasToString("2023-12-31T17:30:00.123Z");
        assertThat(byColumn.get("plan_progress_pct")).hasToString("10.60");
        assertThat(byColumn.get("new_capital_usd")).hasToString("150000000.123456");
        assertThat(byColumn.get("period_start")).hasToString("2024-01-01");
        assertThat(row.key()).containsExactly("FDI", "TOTAL", "", "QUARTER", "2024-Q1");
    }

    @Test
    void aDeadLetterIsIdentifiedByWhatItRefusedSoARepublishedOneLandsOnce() {
        var letter = vn.investpulse.schemas.DeadLetter.newBuilder(Fixtures.ingestRefusal("a.csv", 3))
                .setStage("sink").setSourceTopic(Topics.INDICATORS).setSourcePartition(2).setSourceOffset(77L).build();
        Op.Upsert first = Rows.rejected(letter, at(Topics.SINK_DLQ, 0, 5));
        Op.Upsert again = Rows.rejected(letter, at(Topics.SINK_DLQ, 0, 9));
        assertThat(first.key()).isEqualTo(again.key()).containsExactly("sink|pulse.indicators.v1|2|77");
        Op.Upsert withoutProvenance = Rows.rejected(Fixtures.ingestRefusal("a.csv", 3), at(Topics.REGISTRATIONS_DLQ, 0, 5));
        assertThat(withoutProvenance.key()).containsExactly("pulse.registrations.dlq.v1|0|5");
    }

    @Test
    void longTextIsCutWithAMarker() {
        assertThat(Rows.cut("x".repeat(50), 20)).hasSize(20).endsWith("…[cut]");
        assertThat(Rows.cut("short", 20)).isEqualTo("short");
    }
}
