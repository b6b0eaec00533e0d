package vn.investpulse.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.sink.write.Batch;

class RecordDecoderTest {

    /** Bytes without the Confluent magic byte are refused before any registry call. */
    @Test
    void bytesThatAreNotTheWireFormatBecomeARefusalWithProvenance() {
        try (RecordDecoder decoder = new RecordDecoder(new Topics(3, (short) 1), new RegistrySerdes("http://127.0.0.1:9/apis/registry/v2"))) {
            Batch batch = new Batch();
            decoder.decodeInto(new ConsumerRecord<>(Topics.ALERTS, 0, 41L, "k".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)), batch);

            assertThat(batch.ops()).isEmpty();
            assertThat(batch.refusals()).singleElement().satisfies(r -> {
                assertThat(r.origin().position()).isEqualTo("pulse.alerts.v1:0@41");
                assertThat(r.reason()).startsWith("cannot decode the record");
                assertThat(r.reasonVi()).startsWith("không giải mã được bản ghi");
                assertThat(r.rawText()).isEqualTo("not avro");
            });
            assertThat(batch.nextOffsets()).containsValue(42L);
        }
    }

    @Test
    void unprintableBytesArePreviewedAsHex() {
        assertThat(RecordDecoder.preview(new byte[] {0, 0, 0, 0, 7, (byte) 0xff})).isEqualTo("hex:00000000" + "07ff");
        assertThat(RecordDecoder.preview(null)).isNull();
    }

    @Test
    void theSinkReadsTheIndicatorsTheAlertsAndEveryDeadLetterTopic() {
        assertThat(RecordDecoder.topicsToRead(new Topics(3, (short) 1))).containsExactly("pulse.indicators.v1", "pulse.alerts.v1",
                "pulse.registrations.dlq.v1", "pulse.alerts.dlq.v1", "pulse.sink.dlq.v1");
    }
}
