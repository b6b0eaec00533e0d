package vn.investpulse.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.config.Setting;
import vn.investpulse.dashboard.DashboardConfig;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.sink.SinkConfig;

/**
 * THE list of every configuration setting of every service, taken from each module's typed config
 * ({@code XxxConfig.all()}), and the generator of {@code docs/settings.md} from it. {@code SettingsTableTest}
 * fails when the committed file differs from what the code says; regenerate with
 * {@code ./mvnw -q -pl local-runtime test -Dtest=SettingsTableTest -Dpulse.regenerate=true} or by running
 * {@link #main} from the repository root.
 */
public final class SettingsCatalog {

    /** Where the generated table lives, relative to the repository root. */
    public static final Path DOC = Path.of("docs", "settings.md");

    /**
     * One service's settings.
     *
     * @param name     the service name, as in docker-compose.yml
     * @param runs     how it runs (main class or command)
     * @param settings every setting it reads
     */
    public record Service(String name, String runs, List<Setting<?>> settings) {

        public Set<String> envNames() {
            Set<String> names = new LinkedHashSet<>();
            settings.forEach(s -> names.add(s.env()));
            return names;
        }
    }

    private SettingsCatalog() {
    }

    /** Every service, in data-flow order, the local runtime last. */
    public static List<Service> services() {
        return List.of(
                new Service("ingest", "vn.investpulse.ingest.IngestMain (ingest/Dockerfile)", IngestConfig.all()),
                new Service("processor", "vn.investpulse.processor.ProcessorMain (processor/Dockerfile)", ProcessorConfig.all()),
                new Service("alerts", "vn.investpulse.alerts.AlertsService (alerts/Dockerfile)", AlertsConfig.all()),
                new Service("sink", "vn.investpulse.sink.SinkService (sink/Dockerfile)", SinkConfig.all()),
                new Service("dashboard", "vn.investpulse.dashboard.DashboardMain (stand-alone screen; usually served by the pipeline)",
                        DashboardConfig.all()),
                new Service("local-runtime", "vn.investpulse.local.LocalRuntime (./mvnw -Prun; also passes the settings above "
                        + "to the services it runs)", LocalConfig.settings()));
    }

    public static Service service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /** The full text of docs/settings.md. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration settings\n\n")
                .append("<!-- GENERATED from vn.investpulse.local.SettingsCatalog: do not edit by hand. Regenerate with\n")
                .append("     ./mvnw -q -pl local-runtime test -Dtest=SettingsTableTest -Dpulse.regenerate=true\n")
                .append("     SettingsTableTest fails when this file and the code disagree. -->\n\n")
                .append("Every setting has a default in code and an environment variable. Values come from, in increasing\n")
                .append("priority: the default, a properties file named by `PULSE_CONFIG_FILE` (keys are the variable names),\n")
                .append("the environment. Each service validates all its settings at startup (one message listing every\n")
                .append("problem, exit code 2) and logs them once, secrets masked (`****`).\n\n")
                .append("Durations: `500ms`, `30s`, `5m`, `2h`, `1d` or ISO-8601 (`PT30S`). Sizes: bytes or `512KB`, `20MB`, `1GB`.\n\n");
        for (Service service : services()) {
            md.append("## ").append(service.name()).append("\n\n")
                    .append("Runs as `").append(service.runs()).append("`.\n\n")
                    .append("| Variable | Default | Description |\n")
                    .append("|---|---|---|\n");
            for (Setting<?> s : service.settings()) {
                md.append("| `").append(s.env()).append("` | ").append(defaultText(s)).append(" | ")
                        .append(escape(s.description()));
                if (s.secret()) {
                    md.append(" (secret: masked in logs)");
                }
                if (s.required()) {
                    md.append(" (required)");
                }
                md.append(" |\n");
            }
            md.append("\n");
        }
        md.append(PASS_THROUGH);
        return md.toString();
    }

    private static String defaultText(Setting<?> s) {
        if (s.defaultValue() == null) {
            return "(none)";
        }
        return s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Kafka security and registry authentication: not typed settings, passed through to the clients. */
    private static final String PASS_THROUGH = """
            ## Kafka client settings (pass-through): `PULSE_KAFKA_<NAME>`

            Any variable `PULSE_KAFKA_<NAME>` is given to every Kafka client of a service (producers, consumers, admin,
            Kafka Streams) as the client property `<name>`: lower-cased, `_` read as `.`. `PULSE_KAFKA_BOOTSTRAP_SERVERS` is
            the typed setting above; `PULSE_KAFKA_PORT` belongs to the local runtime and is not passed. Property names that
            contain `_` cannot be expressed this way (none of the security settings below has one).

            SASL/SCRAM over TLS (e.g. a managed cluster):

            ```
            PULSE_KAFKA_BOOTSTRAP_SERVERS=broker-1.example.vn:9093,broker-2.example.vn:9093
            PULSE_KAFKA_SECURITY_PROTOCOL=SASL_SSL
            PULSE_KAFKA_SASL_MECHANISM=SCRAM-SHA-512
            PULSE_KAFKA_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required username="pulse" password="...";
            PULSE_KAFKA_SSL_TRUSTSTORE_LOCATION=/etc/pulse/truststore.p12
            PULSE_KAFKA_SSL_TRUSTSTORE_PASSWORD=...
            PULSE_KAFKA_SSL_TRUSTSTORE_TYPE=PKCS12
            ```

            Mutual TLS (client certificate):

            ```
            PULSE_KAFKA_SECURITY_PROTOCOL=SSL
            PULSE_KAFKA_SSL_KEYSTORE_LOCATION=/etc/pulse/client.p12
            PULSE_KAFKA_SSL_KEYSTORE_PASSWORD=...
            PULSE_KAFKA_SSL_KEYSTORE_TYPE=PKCS12
            PULSE_KAFKA_SSL_TRUSTSTORE_LOCATION=/etc/pulse/truststore.p12
            PULSE_KAFKA_SSL_TRUSTSTORE_PASSWORD=...
            ```

            The pass-through values are not logged by the services (only the typed settings above are), so passwords in
            them do not reach the logs. With exactly-once processing the principal of the processor and the alerts needs
            the transactional-id and consumer-group ACLs of its `application.id`.

            The processor sets two Kafka client properties of its own unless one of these variables sets them:
            `PULSE_KAFKA_TRANSACTION_TIMEOUT_MS` (60000: an exactly-once transaction may stay open a minute, not Kafka
            Streams' 10 s, which a loaded machine outran) and `PULSE_KAFKA_BATCH_SIZE` (262144 bytes for its producers:
            every registration crosses a single partition twice, and at Kafka's 16 KB the replay's hop was bound by
            requests). Both are in `ProcessorConfig`.

            ## Schema registry client settings (pass-through): `PULSE_REGISTRY_CLIENT_<NAME>`

            Any variable `PULSE_REGISTRY_CLIENT_<NAME>` becomes the Apicurio serde setting `apicurio.<name>` (lower-cased,
            `_` read as `.`) of every serializer and deserializer of a service, e.g. for a registry behind OIDC (Keycloak)
            or basic authentication:

            ```
            PULSE_REGISTRY_URL=https://registry.example.vn/apis/registry/v2
            PULSE_REGISTRY_CLIENT_AUTH_SERVICE_URL=https://sso.example.vn/auth
            PULSE_REGISTRY_CLIENT_AUTH_REALM=pulse
            PULSE_REGISTRY_CLIENT_AUTH_CLIENT_ID=pulse-services
            PULSE_REGISTRY_CLIENT_AUTH_CLIENT_SECRET=...
            # or basic authentication:
            PULSE_REGISTRY_CLIENT_AUTH_USERNAME=pulse
            PULSE_REGISTRY_CLIENT_AUTH_PASSWORD=...
            ```

            The compatibility rule (BACKWARD) is set by the services at startup through the same URL and the same settings.
            """;

    /** Writes docs/settings.md under the given repository root (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path doc = root.resolve(DOC);
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, markdown(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + doc.toAbsolutePath().normalize());
    }
}
