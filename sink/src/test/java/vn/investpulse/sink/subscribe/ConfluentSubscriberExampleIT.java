package vn.investpulse.sink.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.sink.support.Fixtures;
import vn.investpulse.sink.support.SinkHarness;

/**
 * Runs the subscriber example against the real broker and registry: records the pipeline's serdes wrote are read
 * back by a plain byte consumer that only knows the Confluent wire format and {@code /apis/ccompat/v7}.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ConfluentSubscriberExampleIT {

    @Test
    void aConfluentStyleClientReadsIndicatorsAndAlertsThroughTheCcompatApi(EmbeddedPlatform platform) throws Exception {
        String tag = "SUB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Indicator indicator = Indicator.newBuilder(Fixtures.q1Fdi2024()).setDimension(Dimension.ZONE).setDimensionValue(tag).build();
        Alert alert = Alert.newBuilder(Fixtures.fdi2023Reached100(AlertState.FIRING, Instant.parse("2023-11-30T17:05:01Z")))
                .setId("PLAN_THRESHOLD:FDI:" + tag + ":2023:100").build();
        try (SinkHarness harness = new SinkHarness(platform)) {
            harness.send(indicator);
            harness.send(alert);
            harness.flush();

            ConfluentSubscriberExample example = new ConfluentSubscriberExample(platform.ccompatUrl());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

            List<ConfluentSubscriberExample.Decoded> indicators = example.read(platform.bootstrapServers(), Topics.INDICATORS,
                    recordsIn(harness, Topics.INDICATORS), Duration.ofSeconds(60), out);
            ConfluentSubscriberExample.Decoded mine = indicators.stream().filter(d -> d.value().contains(tag)).findFirst().orElseThrow();
            assertThat(mine.key()).contains("\"dimensionValue\": \"" + tag + "\"").contains("\"periodId\": \"2024-Q1\"");
            assertThat(mine.value())
                    .contains("\"newCapitalVnd\": 3645000002999.980800")
                    .contains("\"cumulativeCapitalUsd\": 99999999999999999999999999999999.999999")
                    .contains("\"planProgressPct\": 10.60")
                    .contains("\"periodStart\": \"2024-01-01\"")
                    .contains("\"asOf\": \"2023-12-31T17:30:00.123Z\"");
            assertThat(mine.valueSchemaId()).isEqualTo(latestSchemaId(platform, Topics.INDICATORS + "-value"));
            assertThat(mine.keySchemaId()).isEqualTo(latestSchemaId(platform, Topics.INDICATORS + "-key"));

            List<ConfluentSubscriberExample.Decoded> alerts = example.read(platform.bootstrapServers(), Topics.ALERTS,
                    recordsIn(harness, Topics.ALERTS), Duration.ofSeconds(60), out);
            assertThat(alerts).anySatisfy(d -> {
                assertThat(d.key()).isEqualTo(alert.getId());
                assertThat(d.value()).contains("\"messageVi\": \"Vốn FDI năm 2023 đã đạt 100% kế hoạch (2 tỷ USD)\"")
                        .contains("\"state\": \"FIRING\"");
                assertThat(d.valueSchemaId()).isEqualTo(latestSchemaId(platform, Topics.ALERTS + "-value"));
            });
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(tag);
        }
    }

    private static int recordsIn(SinkHarness harness, String topic) {
        return (int) harness.endOffsets().entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** What a Confluent client asks first: the subject's latest schema id, from /apis/ccompat/v7. */
    private static int latestSchemaId(EmbeddedPlatform platform, String subject) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.ccompatUrl() + "/subjects/" + subject + "/versions/latest")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).get("id").asInt();
    }

}
