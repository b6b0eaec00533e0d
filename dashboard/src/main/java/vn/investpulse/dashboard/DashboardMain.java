package vn.investpulse.dashboard;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;

/**
 * Runs the monitoring screen alone on {@code PULSE_HTTP_PORT}, with {@code /health/live} and {@code /health/ready}.
 * Set {@code PULSE_DASHBOARD_API_BASE_URL} to where the browser reaches the pipeline's APIs (those must then allow
 * this origin); usually the pipeline serves the page itself and this main is not needed.
 */
public final class DashboardMain {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

    private DashboardMain() {
    }

    public static void main(String[] args) {
        ConfigSource source = ConfigSource.fromEnvironment();
        DashboardConfig config = DashboardConfig.from(source);
        logSettings(source);
        DashboardService dashboard = new DashboardService(config);
        Javalin app = Javalin.create(javalin -> javalin.showJavalinBanner = false);
        dashboard.register(app);
        vn.investpulse.observability.HealthRoutes.register(app, dashboard.ready(),
                vn.investpulse.observability.Observability.start("dashboard"));
        dashboard.start();
        app.start(config.httpPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            dashboard.close();
        }, "dashboard-shutdown"));
    }

    private static void logSettings(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        reader.get(DashboardConfig.PACE_FACTOR);
        reader.get(DashboardConfig.API_BASE_URL);
        reader.get(DashboardConfig.HTTP_PORT);
        reader.log(LOG, "dashboard");
    }
}
