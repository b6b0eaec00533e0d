package vn.investpulse.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    private static final Instant INGESTED = Instant.parse("2026-11-21T03:00:00Z");

    @Test
    void servesHealthAndThePipelineMetricsInPrometheusFormat() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (Observability metrics = Observability.start("test")) {
            Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
            HealthRoutes.register(app, ready::get, metrics);
            app.start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + app.port();
                assertThat(get(http, base + "/health/live").statusCode()).isEqualTo(200);
                assertThat(get(http, base + "/health/ready").statusCode()).isEqualTo(503);
                ready.set(true);
                assertThat(get(http, base + "/health/ready").statusCode()).isEqualTo(200);

                PulseMetrics.eventsAccepted(3);
                PulseMetrics.eventsRejected("invalid", 1);
                PulseMetrics.deadLettered("ingest", "pulse.registrations.dlq.v1");
                PulseMetrics.indicatorEmitted(INGESTED, INGESTED.plusMillis(250));
                PulseMetrics.alertFired("PLAN_THRESHOLD");
                PulseMetrics.sinkCommitted(5, Duration.ofMillis(12));

                HttpResponse<String> scrape = get(http, base + "/metrics");
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
                assertThat(scrape.body())
                        .contains("pulse_ingest_events_total{application=\"test\",outcome=\"accepted\",reason=\"none\"} 3.0")
                        .contains("pulse_ingest_events_total{application=\"test\",outcome=\"rejected\",reason=\"invalid\"} 1.0")
                        .contains("pulse_dlq_records_total{application=\"test\",service=\"ingest\",topic=\"pulse.registrations.dlq.v1\"} 1.0")
                        .contains("pulse_processor_end_to_end_lag_seconds_count{application=\"test\"} 1")
                        .contains("pulse_processor_indicators_emitted_total")
                        .contains("pulse_alerts_fired_total{application=\"test\",kind=\"PLAN_THRESHOLD\"} 1.0")
                        .contains("pulse_sink_rows_written_total{application=\"test\"} 5.0")
                        .contains("pulse_sink_commit_seconds_count{application=\"test\"} 1")
                        .contains("jvm_memory_used_bytes");
            } finally {
                app.stop();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
