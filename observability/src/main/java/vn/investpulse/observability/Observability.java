package vn.investpulse.observability;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * The Prometheus registry of one process: JVM binders, plus everything the services record through
 * {@link PulseMetrics} and the Kafka binders (they record on Micrometer's global registry, which this registry
 * joins). One per process: a standalone service creates one in its {@code main}; the local runtime creates one
 * and serves every service's meters on its single {@code /metrics}.
 *
 * <pre>{@code
 * Observability metrics = Observability.start("processor");
 * HealthRoutes.register(app, processor.ready(), metrics);   // /health/live, /health/ready, /metrics
 * }</pre>
 */
public final class Observability implements AutoCloseable {

    /** The Prometheus text format served by {@code /metrics}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private Observability(String application) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(List.of(Tag.of("application", application)));
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        // Meters the services record on the global registry (pipeline counters, Kafka binders) reach this one too,
        // including those created before it was added.
        Metrics.addRegistry(registry);
    }

    /** Creates the registry of this process, tagged {@code application=<application>}, with the JVM binders. */
    public static Observability start(String application) {
        return new Observability(application);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
