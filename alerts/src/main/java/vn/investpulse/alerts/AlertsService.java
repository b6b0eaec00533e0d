package vn.investpulse.alerts;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.api.AlertFeed;
import vn.investpulse.alerts.api.AlertHistory;
import vn.investpulse.alerts.api.AlertsApi;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.alerts.topology.AlertsTopology;
import vn.investpulse.alerts.webhook.WebhookNotifier;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistryRules;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.TopicCreator;
import vn.investpulse.contracts.Topics;

/**
 * The alerts service: the alert rules (a Kafka Streams application, {@link AlertsTopology}), the webhook
 * notifier (when URLs are configured) and the alerts HTTP API ({@link AlertsApi}).
 *
 * <pre>{@code
 * AlertsService alerts = new AlertsService(AlertsConfig.from(source), topics, serdes, Clock.systemUTC());
 * alerts.register(app);   // GET /api/v1/alerts, GET /api/v1/alerts/stream
 * alerts.start();         // non-blocking
 * alerts.ready();         // rules RUNNING, history loaded, notifier polling
 * alerts.close();
 * }</pre>
 *
 * The clock decides month ends for the pace rule and stamps {@code processedAt}; production passes
 * {@link Clock#systemUTC()}.
 */
public final class AlertsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final AlertsConfig config;
    private final Topics topics;
    private final RegistrySerdes serdes;
    private final Clock clock;
    private final AlertHistory history = new AlertHistory();
    private final AlertsApi api = new AlertsApi(history);
    private final AlertFeed feed;
    private final WebhookNotifier notifier;
    private KafkaStreams streams;
    /** kafka_stream_* meters of {@link #streams}, on the process's /metrics. */
    private AutoCloseable streamsMetrics;

    public AlertsService(AlertsConfig config, Topics topics, RegistrySerdes serdes, Clock clock) {
        this.config = config;
        this.topics = topics;
        this.serdes = serdes;
        this.clock = clock;
        this.feed = new AlertFeed(config, topics, serdes, history);
        this.feed.onAlert(api::publish);
        this.notifier = config.webhookUrls().isEmpty() ? null : new WebhookNotifier(config, topics, serdes, clock);
    }

    /** Starts the rules, the history feed and the notifier; returns at once. */
    public synchronized void start() {
        streams = new KafkaStreams(
                AlertsTopology.build(config.rules(), config.paceCheckInterval(), topics, serdes, clock),
                AlertsTopology.streamsConfig(config));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Alert rules failed; stopping them (not ready) rather than skipping an alert", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((next, previous) -> LOG.info("Alert rules {} -> {}", previous, next));
        streamsMetrics = vn.investpulse.observability.StreamsMetrics.bind(streams);
        streams.start();
        feed.start();
        if (notifier != null) {
            notifier.start();
        } else {
            LOG.info("No webhook URL configured (PULSE_ALERT_WEBHOOK_URLS): alerts go to the topic, API and stream only");
        }
    }

    /** Ready when the rules are RUNNING, the alert history is loaded and the notifier (if any) is polling. */
    public BooleanSupplier ready() {
        return () -> {
            KafkaStreams s = streams;
            return s != null && s.state() == KafkaStreams.State.RUNNING && feed.caughtUp()
                    && (notifier == null || notifier.ready());
        };
    }

    /** The Kafka Streams state, for diagnostics and tests. */
    public KafkaStreams.State rulesState() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    public void register(Javalin app) {
        api.register(app);
    }

    @Override
    public synchronized void close() {
        if (notifier != null) {
            notifier.close();
        }
        feed.close();
        if (streams != null) {
            // Leave the group on close, so a restarted instance gets its tasks at once instead of after the session timeout.
            streams.close(CloseOptions.timeout(CLOSE_WAIT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        if (streamsMetrics != null) {
            try {
                streamsMetrics.close();
            } catch (Exception e) {
                LOG.warn("Could not unbind the Kafka Streams metrics: {}", e.toString());
            }
            streamsMetrics = null;
        }
    }

    /** Production entry point: settings from the environment, its own Javalin with health endpoints. */
    public static void main(String[] args) throws InterruptedException {
        AlertsConfig config = AlertsConfig.from(ConfigSource.fromEnvironment());
        Topics topics = new Topics(config.topicPartitions(), config.replicationFactor());
        RegistryRules.ensureBackwardCompatibility(config.registryUrl(), config.registryClientSettings());
        Map<String, Object> adminConfig = new HashMap<>(config.kafkaClientSettings());
        adminConfig.putAll(TopicCreator.adminConfig(config.bootstrapServers()));
        TopicCreator.createMissing(adminConfig, topics);
        RegistrySerdes serdes = new RegistrySerdes(config.registryUrl(), config.registryClientSettings());

        AlertsService service = new AlertsService(config, topics, serdes, Clock.systemUTC());
        BooleanSupplier ready = service.ready();
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/health/live", ctx -> ctx.result("OK"));
        app.get("/health/ready", ctx -> {
            boolean ok = ready.getAsBoolean();
            ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).result(ok ? "READY" : "NOT READY");
        });
        vn.investpulse.observability.HealthRoutes.registerMetrics(app, vn.investpulse.observability.Observability.start("alerts"));
        service.register(app);
        service.start();
        app.start(config.httpPort());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            service.close();
            stopped.countDown();
        }, "alerts-shutdown"));
        stopped.await();
    }
}
