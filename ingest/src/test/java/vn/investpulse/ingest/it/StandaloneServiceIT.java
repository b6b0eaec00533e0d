package vn.investpulse.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.embedded.EmbeddedPlatform;
import vn.investpulse.embedded.EmbeddedPlatformExtension;
import vn.investpulse.ingest.IngestMain;

/** The standalone service as `serve` starts it: health endpoints, then an authorised upload. */
@ExtendWith(EmbeddedPlatformExtension.class)
class StandaloneServiceIT {

    @Test
    void servesHealthAndTheApi(EmbeddedPlatform platform) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConfigSource source = new ConfigSource(Map.of(
                "PULSE_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "PULSE_REGISTRY_URL", platform.registryApiUrl(),
                "PULSE_HTTP_PORT", Integer.toString(port),
                "PULSE_LOCAL_MODE", "false",
                "PULSE_API_TOKEN", "standalone-token-0123456789",
                "PULSE_DATA_DIR", Files.createTempDirectory("standalone").toString()));
        HttpClient http = HttpClient.newHttpClient();
        try (IngestMain.Standalone running = IngestMain.serve(source)) {
            String base = "http://127.0.0.1:" + running.port();
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> http.send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events?dryRun=true"))
                    .header("Authorization", "Bearer standalone-token-0123456789")
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("event_id,certificate_no,event_type,capital_source,"
                            + "investor_name,investor_country,zone_code,sector_code,amount,currency,effective_at\n"
                            + "S1,C1,NEW,FDI,X,KR,DEEP_C,C26,1,USD,2024-03-31\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(200);
            assertThat(upload.body()).contains("\"accepted\":1");
        }
    }
}
