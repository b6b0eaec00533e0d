package vn.investpulse.ingest;

import io.javalin.Javalin;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.TopicCreator;
import vn.investpulse.contracts.Topics;
import vn.investpulse.ingest.cli.ImportCommand;
import vn.investpulse.ingest.demo.DemoData;

/**
 * Entry point of {@code ingest-<version>-all.jar}:
 * <pre>
 * java -jar ingest-all.jar                       # the standalone ingest service (same as "serve")
 * java -jar ingest-all.jar serve
 * java -jar ingest-all.jar import events FILE.csv|FILE.xlsx|FILE.json [--url U] [--token T] [--batch-size N] [--dry-run]
 * java -jar ingest-all.jar import zones|fx-rates|plans FILE
 * </pre>
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, subcommands = {ImportCommand.class, IngestMain.Serve.class},
        description = "invest-pulse ingest: the HTTP ingest service, and the import CLI that talks to it.")
public final class IngestMain {

    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        int code = new CommandLine(new IngestMain()).execute(effective);
        if (!"serve".equals(effective[0]) || code != 0) {
            System.exit(code);
        }
    }

    /** The standalone service: env configuration, topics created if missing, /health/live and /health/ready. */
    @Command(name = "serve", description = "Run the ingest HTTP service (configuration from PULSE_* environment variables).")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            Standalone running = serve(ConfigSource.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "pulse-ingest-shutdown"));
            return 0;
        }
    }

    /** A running standalone service: its Javalin and the ingest service; {@link #close()} stops both. */
    public record Standalone(Javalin app, IngestService service) implements AutoCloseable {
        public int port() {
            return app.port();
        }

        @Override
        public void close() {
            app.stop();
            service.close();
        }
    }

    /**
     * Starts the standalone ingest service from a configuration source:
     * creates missing topics, mounts the API with /health/live and /health/ready, starts the service and,
     * with PULSE_DEMO=true, loads the demo data and starts the trickle in the background.
     */
    public static Standalone serve(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        IngestConfig config = IngestConfig.read(reader);
        reader.log(LOG, "ingest");
        Topics topics = new Topics(config.topicPartitions(), config.replicationFactor());
        Map<String, Object> admin = new HashMap<>(config.kafkaClient());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        TopicCreator.createMissing(admin, topics);
        RegistrySerdes serdes = new RegistrySerdes(config.registryUrl(), config.registryClient());
        IngestService service = new IngestService(config, topics, serdes);
        Javalin app = Javalin.create();
        app.get("/health/live", ctx -> ctx.result("live"));
        app.get("/health/ready", ctx -> {
            boolean ready = service.ready().getAsBoolean();
            ctx.status(ready ? 200 : 503).result(ready ? "ready" : "not ready");
        });
        vn.investpulse.observability.HealthRoutes.registerMetrics(app, vn.investpulse.observability.Observability.start("ingest"));
        service.register(app);
        service.start();
        app.start(config.httpPort());
        if (config.demo()) {
            Thread demo = new Thread(() -> {
                try {
                    DemoData.load(service);
                    service.startDemoTrickle();
                } catch (RuntimeException e) {
                    LOG.error("Demo data could not be loaded: {}", e.getMessage(), e);
                }
            }, "pulse-ingest-demo");
            demo.setDaemon(true);
            demo.start();
        }
        LOG.info("Ingest service listening on port {}", app.port());
        return new Standalone(app, service);
    }
}
