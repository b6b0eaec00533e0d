package vn.investpulse.alerts.config;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.rules.AlertRules;
import vn.investpulse.alerts.rules.ZoneSelection;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;
import vn.investpulse.schemas.CapitalSource;

/**
 * The alerts service's settings, parsed and validated once at startup ({@link #from(ConfigSource)} throws a
 * {@link vn.investpulse.config.ConfigException} listing every problem). Kafka client settings pass through as
 * {@code PULSE_KAFKA_<NAME>}.
 */
public record AlertsConfig(
        String bootstrapServers,
        String registryUrl,
        String applicationId,
        Path stateDir,
        int httpPort,
        int topicPartitions,
        short replicationFactor,
        AlertRules rules,
        Duration paceCheckInterval,
        List<URI> webhookUrls,
        int webhookMaxAttempts,
        Duration webhookBackoff,
        Duration webhookBackoffMax,
        Duration webhookTimeout,
        String notifierGroupId,
        Map<String, Object> kafkaClientSettings,
        Map<String, Object> registryClientSettings) {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsConfig.class);

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("PULSE_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "Kafka bootstrap servers");
    public static final Setting<String> REGISTRY_URL = Setting.string("PULSE_REGISTRY_URL", "http://localhost:8081/apis/registry/v2",
            "Apicurio registry core API base URL");
    public static final Setting<String> APPLICATION_ID = Setting.string("PULSE_ALERTS_APPLICATION_ID", "invest-pulse-alerts",
            "Kafka Streams application.id of the alert rules (names its changelog topics: never change it in production)");
    public static final Setting<Path> STATE_DIR = Setting.path("PULSE_ALERTS_STATE_DIR",
            "./data/alerts", "Kafka Streams state directory (persistent: a restart restores less from the changelogs)");
    public static final Setting<Integer> HTTP_PORT = Setting.port("PULSE_HTTP_PORT", 8080, "HTTP port of the standalone alerts service");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.positiveInt("PULSE_TOPIC_PARTITIONS", 3,
            "partitions of the keyed pipeline topics");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.positiveInt("PULSE_TOPIC_REPLICATION_FACTOR", 1,
            "replication factor of the pipeline and internal topics");
    public static final Setting<List<java.math.BigDecimal>> THRESHOLDS = new Setting<>("PULSE_ALERT_THRESHOLDS",
            "plan thresholds in %, ascending", "50,75,100,150,200", false, false, AlertRules::parseThresholds);
    public static final Setting<BigDecimal> PACE_FACTOR = Setting.decimal("PULSE_ALERT_PACE_FACTOR", "0.8",
            "behind plan when progress < factor x elapsed share of the year; in (0, 1]");
    public static final Setting<Set<CapitalSource>> SOURCES = new Setting<>("PULSE_ALERT_SOURCES",
            "capital sources watched", "FDI,DDI", false, false, AlertRules::parseSources);
    public static final Setting<ZoneSelection> ZONES = new Setting<>("PULSE_ALERT_ZONES",
            "zones with their own plan watched: * (all), NONE, or codes", ZoneSelection.ALL, false, false, ZoneSelection::parse);
    public static final Setting<Duration> PACE_CHECK_INTERVAL = Setting.duration("PULSE_ALERT_PACE_CHECK_INTERVAL", Duration.ofMinutes(1),
            "how often the wall clock is checked for a month end");
    public static final Setting<List<String>> WEBHOOK_URLS = Setting.list("PULSE_ALERT_WEBHOOK_URLS", null,
            "comma-separated webhook URLs; none = no notifier").asSecret();
    public static final Setting<Integer> WEBHOOK_MAX_ATTEMPTS = Setting.positiveInt("PULSE_ALERT_WEBHOOK_MAX_ATTEMPTS", 5,
            "POST attempts per URL before the alert is dead-lettered");
    public static final Setting<Duration> WEBHOOK_BACKOFF = Setting.duration("PULSE_ALERT_WEBHOOK_BACKOFF", Duration.ofMillis(500),
            "first retry delay, doubled after each failure");
    public static final Setting<Duration> WEBHOOK_BACKOFF_MAX = Setting.duration("PULSE_ALERT_WEBHOOK_BACKOFF_MAX", Duration.ofSeconds(30),
            "cap of the retry delay");
    public static final Setting<Duration> WEBHOOK_TIMEOUT = Setting.duration("PULSE_ALERT_WEBHOOK_TIMEOUT", Duration.ofSeconds(10),
            "connect and response timeout of one POST");
    public static final Setting<String> NOTIFIER_GROUP_ID = Setting.string("PULSE_ALERT_NOTIFIER_GROUP_ID", "invest-pulse-alerts-notifier",
            "consumer group of the webhook notifier (its committed offsets are the delivery progress)");

    /** Every setting this service reads, in reading order: the settings table (docs/settings.md) is checked against it. */
    public static java.util.List<Setting<?>> all() {
        return java.util.List.of(BOOTSTRAP_SERVERS, REGISTRY_URL, APPLICATION_ID, STATE_DIR, HTTP_PORT, TOPIC_PARTITIONS, REPLICATION_FACTOR, THRESHOLDS,
                PACE_FACTOR, SOURCES, ZONES, PACE_CHECK_INTERVAL, WEBHOOK_URLS, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF,
                WEBHOOK_BACKOFF_MAX, WEBHOOK_TIMEOUT, NOTIFIER_GROUP_ID);
    }

    public AlertsConfig {
        webhookUrls = List.copyOf(webhookUrls);
        kafkaClientSettings = Map.copyOf(kafkaClientSettings);
        registryClientSettings = Map.copyOf(registryClientSettings);
    }

    public static AlertsConfig from(ConfigSource source) {
        ConfigReader r = new ConfigReader(source);
        String bootstrap = r.get(BOOTSTRAP_SERVERS);
        String registry = r.get(REGISTRY_URL);
        String applicationId = r.get(APPLICATION_ID);
        Path stateDir = r.get(STATE_DIR);
        Integer port = r.get(HTTP_PORT);
        Integer partitions = r.get(TOPIC_PARTITIONS);
        Integer replication = r.check(r.get(REPLICATION_FACTOR), REPLICATION_FACTOR, v -> v <= Short.MAX_VALUE, "too large");
        List<BigDecimal> thresholds = r.get(THRESHOLDS);
        BigDecimal paceFactor = r.check(r.get(PACE_FACTOR), PACE_FACTOR,
                f -> f.signum() > 0 && f.compareTo(BigDecimal.ONE) <= 0, "must be in (0, 1], e.g. 0.8");
        Set<CapitalSource> sources = r.get(SOURCES);
        ZoneSelection zones = r.get(ZONES);
        Duration paceInterval = r.check(r.get(PACE_CHECK_INTERVAL), PACE_CHECK_INTERVAL,
                d -> !d.isZero() && d.compareTo(Duration.ofHours(1)) <= 0, "must be between 1ms and 1h, so a month end is seen promptly");
        List<String> urlTexts = r.get(WEBHOOK_URLS);
        List<URI> urls = new ArrayList<>();
        for (String text : urlTexts == null ? List.<String>of() : urlTexts) {
            try {
                URI uri = URI.create(text);
                r.check(uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        && uri.getHost() != null, WEBHOOK_URLS, "'" + uri.getScheme() + "://...' is not an http:// or https:// URL");
                urls.add(uri);
            } catch (IllegalArgumentException e) {
                r.check(false, WEBHOOK_URLS, "an item is not a URL: " + e.getMessage());
            }
        }
        Integer attempts = r.get(WEBHOOK_MAX_ATTEMPTS);
        Duration backoff = r.check(r.get(WEBHOOK_BACKOFF), WEBHOOK_BACKOFF, d -> !d.isZero(), "must be positive");
        Duration backoffMax = r.get(WEBHOOK_BACKOFF_MAX);
        r.check(backoff == null || backoffMax == null || backoffMax.compareTo(backoff) >= 0, WEBHOOK_BACKOFF_MAX,
                "must be at least PULSE_ALERT_WEBHOOK_BACKOFF");
        Duration timeout = r.check(r.get(WEBHOOK_TIMEOUT), WEBHOOK_TIMEOUT, d -> !d.isZero(), "must be positive");
        String groupId = r.get(NOTIFIER_GROUP_ID);
        r.validate();
        r.log(LOG, "alerts");
        AlertRules rules = new AlertRules(thresholds, paceFactor, sources, zones);
        Map<String, Object> kafka = source.kafkaClientSettings(Set.of(BOOTSTRAP_SERVERS.env()));
        return new AlertsConfig(bootstrap, registry, applicationId, stateDir, port, partitions, replication.shortValue(), rules,
                paceInterval, urls, attempts, backoff, backoffMax, timeout, groupId, kafka, source.registryClientSettings());
    }

    /** The defaults, for a local setup; tests override with {@link ConfigSource#with(String, String)}. */
    public static AlertsConfig defaults() {
        return from(new ConfigSource(Map.of()));
    }
}
