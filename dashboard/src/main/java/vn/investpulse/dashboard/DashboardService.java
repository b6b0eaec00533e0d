package vn.investpulse.dashboard;

import io.javalin.Javalin;
import java.util.function.BooleanSupplier;
import vn.investpulse.dashboard.web.DashboardRoutes;

/**
 * The live monitoring screen (màn hình giám sát): a static page bundled in the jar that reads the processor's
 * query API and the alerts API, and listens to their server-sent-event streams. It holds no state and talks
 * to no broker, so {@link #start()} has nothing to wait for.
 *
 * <pre>{@code
 * DashboardService dashboard = new DashboardService(DashboardConfig.defaults());
 * dashboard.register(app);   // GET /, /dashboard/**
 * dashboard.start();
 * }</pre>
 */
public final class DashboardService implements AutoCloseable {

    private final DashboardRoutes routes;

    public DashboardService(DashboardConfig config) {
        this.routes = new DashboardRoutes(config);
    }

    /** Non-blocking; the page is served from the jar and needs nothing started. */
    public void start() {
    }

    /** Always ready: the page's own data sources report their readiness themselves. */
    public BooleanSupplier ready() {
        return () -> true;
    }

    public void register(Javalin app) {
        routes.register(app);
    }

    @Override
    public void close() {
    }
}
