package vn.investpulse.processor;

import io.javalin.Javalin;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigException;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.TopicCreator;
import vn.investpulse.contracts.Topics;
import vn.investpulse.processor.config.ProcessorConfig;

/** The standalone processor: settings from the environment, the service and its API on one Javalin. */
public final class ProcessorMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorMain.class);

    private ProcessorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessorConfig config;
        try {
            config = ProcessorConfig.from(ConfigSource.fromEnvironment());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Topics topics = new Topics(config.topicPartitions(), config.replicationFactor());
        RegistrySerdes serdes = new RegistrySerdes(config.registryUrl(), config.registryClientSettings());
        var adminConfig = new java.util.HashMap<String, Object>(config.kafkaClientSettings());
        adminConfig.putAll(TopicCreator.adminConfig(config.bootstrapServers()));
        TopicCreator.createMissing(adminConfig, topics);

        ProcessorService processor = new ProcessorService(config, topics, serdes);
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/health/live", ctx -> ctx.result("ok"));
        app.get("/health/ready", ctx -> {
            boolean ready = processor.ready().getAsBoolean();
            ctx.status(ready ? 200 : 503).result(ready ? "ready" : "not ready: " + processor.state());
        });
        vn.investpulse.observability.Observability metrics = vn.investpulse.observability.Observability.start("processor");
        vn.investpulse.observability.HealthRoutes.registerMetrics(app, metrics);
        processor.register(app);
        processor.start();
        app.start(config.httpPort());
        LOG.info("Processor API on http://localhost:{}/api/v1/indicators", config.httpPort());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            processor.close();
            stopped.countDown();
        }, "processor-shutdown"));
        stopped.await();
    }
}
