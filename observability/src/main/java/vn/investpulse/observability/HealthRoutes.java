package vn.investpulse.observability;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.util.function.BooleanSupplier;

/**
 * The operational routes every standalone service mounts: {@code GET /health/live} (the process answers),
 * {@code GET /health/ready} (200 when the service does its job, else 503: the compose healthcheck and a load
 * balancer use it) and {@code GET /metrics} (Prometheus text format).
 */
public final class HealthRoutes {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String METRICS = "/metrics";

    private HealthRoutes() {
    }

    /** Adds the health routes and {@code /metrics}. */
    public static void register(Javalin app, BooleanSupplier ready, Observability metrics) {
        app.get(LIVE, ctx -> ctx.result("live"));
        app.get(READY, ctx -> {
            boolean ok = ready.getAsBoolean();
            ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).result(ok ? "ready" : "not ready");
        });
        registerMetrics(app, metrics);
    }

    /** Adds only {@code /metrics}, for a server that has its own health routes (the local runtime). */
    public static void registerMetrics(Javalin app, Observability metrics) {
        app.get(METRICS, ctx -> ctx.contentType(Observability.CONTENT_TYPE).result(metrics.scrape()));
    }
}
