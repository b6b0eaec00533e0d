package vn.investpulse.dashboard;

import java.math.BigDecimal;
import vn.investpulse.config.ConfigReader;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.config.Setting;

/**
 * Typed, validated settings of the monitoring screen.
 *
 * @param paceFactor  the share of the elapsed year the plan is expected to have reached (hệ số tiến độ), drawn as
 *                    the pace marker on the progress bars; the same default (0.8) as the alerts' pace rule
 * @param apiBaseUrl  where the page reads the query, alerts and ingest APIs; empty means the page's own origin
 *                    (the local runtime and the pipeline serve everything on one port)
 * @param httpPort    the port of the stand-alone dashboard ({@link DashboardMain}); unused when mounted elsewhere
 */
public record DashboardConfig(BigDecimal paceFactor, String apiBaseUrl, int httpPort) {

    public static final Setting<BigDecimal> PACE_FACTOR = Setting.decimal("PULSE_DASHBOARD_PACE_FACTOR", "0.8",
            "Expected share of the plan per elapsed share of the year, for the pace marker (0 < f <= 1)");
    public static final Setting<String> API_BASE_URL = Setting.string("PULSE_DASHBOARD_API_BASE_URL", "",
            "Base URL of the query/alerts APIs as seen by the browser; empty = same origin as the page");
    public static final Setting<Integer> HTTP_PORT = Setting.port("PULSE_HTTP_PORT", 8080,
            "HTTP port of the stand-alone dashboard");

    /** Every setting this service reads, in reading order: the settings table (docs/settings.md) is checked against it. */
    public static java.util.List<Setting<?>> all() {
        return java.util.List.of(PACE_FACTOR, API_BASE_URL, HTTP_PORT);
    }

    public DashboardConfig {
        if (paceFactor.signum() <= 0 || paceFactor.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("pace factor must be in (0, 1]: " + paceFactor);
        }
        apiBaseUrl = apiBaseUrl == null ? "" : stripTrailingSlash(apiBaseUrl.trim());
    }

    /** The defaults: pace factor 0.8, same-origin APIs, port 8080. */
    public static DashboardConfig defaults() {
        return from(new ConfigSource(java.util.Map.of()));
    }

    /** Reads and validates every setting; throws one {@link vn.investpulse.config.ConfigException} listing all problems. */
    public static DashboardConfig from(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        BigDecimal paceFactor = reader.check(reader.get(PACE_FACTOR), PACE_FACTOR,
                f -> f == null || (f.signum() > 0 && f.compareTo(BigDecimal.ONE) <= 0), "must be greater than 0 and at most 1");
        String apiBaseUrl = reader.check(reader.get(API_BASE_URL), API_BASE_URL,
                u -> u == null || u.isBlank() || u.startsWith("http://") || u.startsWith("https://"),
                "must be empty or an http:// or https:// URL");
        Integer port = reader.get(HTTP_PORT);
        reader.validate();
        return new DashboardConfig(paceFactor, apiBaseUrl, port);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
