package vn.investpulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.Topics;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.ingest.IngestService;
import vn.investpulse.ingest.TopicContents;
import vn.investpulse.ingest.demo.DemoData;
import vn.investpulse.ingest.demo.DemoTrickle;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.RegistrationEvent;

/** The demo as the local runtime starts it: DemoData.load(service), then the trickle. */
@ExtendWith(EmbeddedPlatformExtension.class)
class DemoIT {

    @Test
    void loadsTheDatasetAndTrickles(EmbeddedPlatform platform) throws Exception {
        IngestConfig config = IngestConfig.from(new ConfigSource(Map.of(
                        "PULSE_DATA_DIR", Files.createTempDirectory("demo-it").toString(),
                        "PULSE_DEMO_TRICKLE_INTERVAL", "200ms")))
                .withPlatform(platform.bootstrapServers(), platform.registryApiUrl());
        try (IngestService ingest = new IngestService(config, platform.topics(), platform.serdes())) {
            ingest.start();

            List<ImportReport> reports = DemoData.load(ingest);

            assertThat(reports).allSatisfy(r -> assertThat(r.rejected()).isEmpty());
            assertThat(reports.get(3).accepted()).isGreaterThan(1000);
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, RegistrationEvent>> events =
                    TopicContents.read(platform.bootstrapServers(), platform.serdes(), Topics.REGISTRATIONS);
            assertThat(events).filteredOn(r -> r.value().getSource().getConnector().equals("demo"))
                    .hasSizeGreaterThanOrEqualTo(reports.get(3).accepted());
            assertThat(TopicContents.<PlanTarget>read(platform.bootstrapServers(), platform.serdes(), Topics.PLANS))
                    .extracting(org.apache.kafka.clients.consumer.ConsumerRecord::key).contains("FDI:2023", "DDI:2023");

            DemoTrickle trickle = ingest.startDemoTrickle();
            await().atMost(Duration.ofSeconds(30)).until(() -> trickle.sent() >= 3);
        }
    }
}
