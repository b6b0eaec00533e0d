package vn.investpulse.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.AlertsService;
import vn.investpulse.alerts.config.AlertsConfig;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.dashboard.DashboardConfig;
import vn.investpulse.dashboard.DashboardService;
import vn.investpulse.ingest.IngestConfig;
import vn.investpulse.ingest.IngestService;
import vn.investpulse.ingest.demo.DemoData;
import vn.investpulse.processor.ProcessorService;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.sink.SinkConfig;
import vn.investpulse.sink.SinkService;

/**
 * THE list of pipeline services the local runtime starts, in data-flow order (closed in reverse):
 * ingest → processor → alerts → sink → dashboard. Each reads its typed config from {@code ctx.source()},
 * which names this runtime's broker and registry; state that must survive a restart goes under the
 * data directory unless the user chose another place.
 */
public final class PipelineServices {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineServices.class);
    /** The demo dataset is loaded once the reference data is in, so its FX rates and zones validate. */
    private static final Duration DEMO_READY_WAIT = Duration.ofMinutes(2);

    private PipelineServices() {
    }

    public static List<LocalService> create(RuntimeContext ctx) {
        ConfigSource source = withLocalDefaults(ctx);
        List<LocalService> services = new ArrayList<>();

        IngestService ingest = new IngestService(IngestConfig.from(source), ctx.topics(), ctx.serdes());
        Runnable startIngest = ctx.config().demo() ? () -> startWithDemo(ingest) : ingest::start;
        services.add(LocalService.of("ingest", startIngest, ingest.ready(), ingest::register, ingest::close));

        ProcessorService processor = new ProcessorService(ProcessorConfig.from(source), ctx.topics(), ctx.serdes());
        services.add(LocalService.of("processor", processor::start, processor.ready(), processor::register, processor::close));

        AlertsService alerts = new AlertsService(AlertsConfig.from(source), ctx.topics(), ctx.serdes(), Clock.systemUTC());
        services.add(LocalService.of("alerts", alerts::start, alerts.ready(), alerts::register, alerts::close));

        SinkService sink = new SinkService(SinkConfig.from(source), ctx.topics(), ctx.serdes());
        services.add(LocalService.of("sink", sink::start, sink.ready(), sink::register, sink::close));

        DashboardService dashboard = new DashboardService(DashboardConfig.from(source));
        services.add(LocalService.of("dashboard", dashboard::start, dashboard.ready(), dashboard::register, dashboard::close));
        return services;
    }

    /** Every service's state under this runtime's data directory, unless set explicitly. */
    static ConfigSource withLocalDefaults(RuntimeContext ctx) {
        ConfigSource source = ctx.source();
        Path dataDir = ctx.config().dataDir().toAbsolutePath();
        source = ifUnset(source, "PULSE_DATA_DIR", dataDir.toString());
        source = ifUnset(source, "PULSE_STATE_DIR", ctx.stateDir("processor").toString());
        source = ifUnset(source, "PULSE_ALERTS_STATE_DIR", ctx.stateDir("alerts").toString());
        return source;
    }

    private static ConfigSource ifUnset(ConfigSource source, String env, String value) {
        return source.raw(env) == null ? source.with(env, value) : source;
    }

    /** Starts ingest, then loads the demo dataset and starts the trickle in the background once it is ready. */
    private static void startWithDemo(IngestService ingest) {
        ingest.start();
        Thread loader = new Thread(() -> {
            if (!ingest.awaitReady(DEMO_READY_WAIT)) {
                LOG.error("Demo data not loaded: ingest was not ready within {}", DEMO_READY_WAIT);
                return;
            }
            var reports = DemoData.load(ingest);
            LOG.info("Demo data loaded: {}", reports);
            ingest.startDemoTrickle();
        }, "pulse-demo-loader");
        loader.setDaemon(true);
        loader.start();
    }
}
