package vn.investpulse.dashboard.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import vn.investpulse.dashboard.DashboardConfig;

/**
 * The monitoring screen's HTTP routes, mounted on a Javalin that also serves the query, alerts and ingest
 * APIs (same origin, so the page needs no CORS):
 * <ul>
 *   <li>{@code GET /} — the page;</li>
 *   <li>{@code GET /dashboard/<path>} — its scripts and styles, from the jar;</li>
 *   <li>{@code GET /dashboard/vendor/echarts.min.js} — Apache ECharts from the {@code org.webjars:echarts} jar
 *       (never a CDN: the monitoring room may be offline);</li>
 *   <li>{@code GET /dashboard/config.json} — the settings the page needs (pace factor, API base URL).</li>
 * </ul>
 */
public final class DashboardRoutes {

    /** Classpath folder of the page. */
    static final String PAGE_ROOT = "dashboard";
    private static final String WEBJARS_ROOT = "META-INF/resources/webjars/echarts";
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars/echarts/pom.properties";

    private final DashboardConfig config;
    private final ClasspathAssets page = new ClasspathAssets(PAGE_ROOT);
    private final ClasspathAssets echarts;

    public DashboardRoutes(DashboardConfig config) {
        this.config = config;
        this.echarts = new ClasspathAssets(WEBJARS_ROOT + "/" + echartsVersion());
    }

    public void register(Javalin app) {
        app.get("/", ctx -> page.serve(ctx, "index.html"));
        app.get("/dashboard/config.json", this::pageConfig);
        app.get("/dashboard/vendor/echarts.min.js", ctx -> echarts.serve(ctx, "echarts.min.js"));
        app.get("/dashboard/<path>", ctx -> page.serve(ctx, ctx.pathParam("path")));
    }

    private void pageConfig(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paceFactor", config.paceFactor());
        body.put("apiBaseUrl", config.apiBaseUrl());
        body.put("timeZone", "Asia/Ho_Chi_Minh");
        ctx.header("Cache-Control", "no-cache");
        ctx.json(body);
    }

    /** The version of the bundled ECharts WebJar, from its Maven metadata (so no version is hard-coded in the page). */
    static String echartsVersion() {
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(ECHARTS_POM)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:echarts is not on the classpath (" + ECHARTS_POM + " missing)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS_POM, e);
        }
    }
}
