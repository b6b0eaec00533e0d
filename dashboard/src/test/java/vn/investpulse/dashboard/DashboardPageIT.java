package vn.investpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.investpulse.dashboard.browser.HeadlessChromium;

/**
 * The page on its own, in Debian's headless chromium: the number formats (the real format.js, run by the
 * browser), the language toggle and its memory, and the live-connection sign. The figures themselves, fed by the
 * whole pipeline, are checked end to end by local-runtime's DashboardBrowserIT.
 *
 * <p>The Javalin here serves the dashboard routes plus two bare event streams, so the test can drop the live
 * connection and watch the page notice and reconnect; the figure APIs are absent, which the page must show too.
 */
class DashboardPageIT {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);

    private static Javalin app;
    private static HeadlessChromium browser;
    private static final Queue<SseClient> STREAM_CLIENTS = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> config.showJavalinBanner = false);
        new DashboardService(DashboardConfig.defaults()).register(app);
        for (String stream : List.of("/api/v1/indicators/stream", "/api/v1/alerts/stream")) {
            app.sse(stream, client -> {
                client.keepAlive();
                STREAM_CLIENTS.add(client);
                client.onClose(() -> STREAM_CLIENTS.remove(client));
            });
        }
        app.start(0);
        browser = HeadlessChromium.start(1920, 1080);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        app.stop();
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    @BeforeEach
    void openInVietnamese() {
        driver().get("http://localhost:" + app.port() + "/?lang=vi");
        await().atMost(PAGE_TIMEOUT).until(() -> "true".equals(
                driver().executeScript("return document.body.dataset.ready || ''")));
    }

    @Test
    void formatsNumbersTheWayTheAuthorityWritesThemAndInEnglishStyle() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("f.formatMoney(3.5e9, 'USD', 'vi')", "3,5 tỷ USD");
        cases.put("f.formatMoney(3.5e9, 'USD', 'en')", "USD 3.5 bn");
        cases.put("f.formatMoney(23847e9, 'VND', 'vi')", "23.847 tỷ đồng");
        cases.put("f.formatMoney(23847e9, 'VND', 'en')", "VND 23,847 bn");
        cases.put("f.formatPercent(175, 'vi')", "175,00 %");
        cases.put("f.formatPercent(175, 'en')", "175.00%");
        cases.put("f.formatPercent(238.47, 'vi')", "238,47 %");
        cases.put("f.formatPercent(10.6, 'en')", "10.60%");
        cases.put("f.formatMoney(212e6, 'USD', 'vi')", "212 triệu USD");
        cases.put("f.formatMoney(212e6, 'USD', 'en')", "USD 212 m");
        cases.put("f.formatMoney(26.54e9, 'USD', 'vi')", "26,5 tỷ USD");
        cases.put("f.formatMoney(328000e9, 'VND', 'vi')", "328.000 tỷ đồng");
        cases.put("f.formatMoney(14.2e9, 'USD', 'en')", "USD 14.2 bn");
        cases.put("f.formatMoney(950000, 'USD', 'vi')", "950.000 USD");
        cases.put("f.formatMoney(null, 'USD', 'vi')", "—");
        // Half-up on the decimal value: the double 1.005 is 1.00499999..., still written 1,01.
        cases.put("f.formatNumber(1.005, 'vi', 2, 2)", "1,01");
        cases.put("f.formatNumber(-0.001, 'en', 2, 2)", "0.00");
        cases.put("f.formatSignedPercent(140, 'vi')", "+140,00 %");
        cases.put("f.formatSignedPercent(-12.5, 'en')", "-12.50%");
        cases.put("f.formatSignedPercent(null, 'en')", "—");
        cases.put("f.formatCount(1234, 'vi')", "1.234");
        cases.put("f.formatCount(1234, 'en')", "1,234");
        // Hai Phong wall clock, though the browser runs in New York time.
        cases.put("f.formatTime(new Date('2023-12-31T17:10:05Z'))", "00:10:05");
        cases.put("f.formatDateTime(new Date('2023-12-31T17:10:05Z'), 'vi')", "01/01/2024 00:10");
        cases.put("f.formatDateTime(new Date('2023-12-31T17:10:05Z'), 'en')", "2024-01-01 00:10");
        cases.put("f.haiPhongDate(new Date('2023-12-31T17:10:00Z')).year", "2024");
        cases.put("f.elapsedShareOfYear(2024, new Date('2024-03-31T16:59:59Z')) === 91 / 366", "true");
        cases.put("f.elapsedShareOfYear(2023, new Date('2024-03-31T16:59:59Z'))", "1");
        cases.put("f.elapsedShareOfYear(2025, new Date('2024-03-31T16:59:59Z'))", "0");

        @SuppressWarnings("unchecked")
        List<String> actual = (List<String>) driver().executeAsyncScript("""
                const expressions = arguments[0];
                const done = arguments[arguments.length - 1];
                import('/dashboard/js/format.js')
                  .then((f) => done(expressions.map((e) => String(new Function('f', 'return ' + e)(f)))))
                  .catch((error) => done(['import failed: ' + error]));
                """, List.copyOf(cases.keySet()));

        assertThat(actual).containsExactlyElementsOf(cases.values());
    }

    @Test
    void loadsEverythingFromItsOwnOriginAndDrawsTheChartsWithTheBundledECharts() {
        await().atMost(PAGE_TIMEOUT).until(() -> !driver().findElements(By.cssSelector("#chart-monthly canvas")).isEmpty());

        assertThat(driver().executeScript("return typeof window.echarts.init")).isEqualTo("function");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) driver().executeScript(
                "return performance.getEntriesByType('resource').map((e) => e.name)");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + app.port() + "/"));
    }

    @Test
    void togglesToEnglishAndRemembersTheChoice() {
        assertThat(driver().executeScript("return document.documentElement.lang")).isEqualTo("vi");
        assertThat(text("lang-toggle")).isEqualTo("English");
        assertThat(driver().findElement(By.cssSelector("#tile-fdi h2")).getText()).contains("Vốn FDI đăng ký từ đầu năm");
        assertThat(text("updated-at")).startsWith("Cập nhật");

        driver().findElement(By.id("lang-toggle")).click();

        assertThat(text("lang-toggle")).isEqualTo("Tiếng Việt");
        assertThat(driver().findElement(By.cssSelector("#tile-fdi h2")).getText()).contains("FDI registered capital, year to date");
        assertThat(text("updated-at")).startsWith("Updated");

        driver().get("http://localhost:" + app.port() + "/");
        await().atMost(PAGE_TIMEOUT).until(() -> "Tiếng Việt".equals(text("lang-toggle")));
        assertThat(driver().executeScript("return document.documentElement.lang")).isEqualTo("en");
    }

    @Test
    void showsWhenTheLiveConnectionDropsAndReconnectsByItself() {
        await().atMost(PAGE_TIMEOUT).until(() -> "live".equals(connectionState()));
        assertThat(text("conn-status")).isEqualTo("Trực tuyến");

        STREAM_CLIENTS.forEach(SseClient::close);

        await().atMost(PAGE_TIMEOUT).until(() -> "lost".equals(connectionState()));
        assertThat(text("conn-status")).isEqualTo("Mất kết nối — đang kết nối lại…");
        await().atMost(PAGE_TIMEOUT).until(() -> "live".equals(connectionState()));
    }

    @Test
    void saysSoWhenTheFiguresCannotBeLoaded() {
        await().atMost(PAGE_TIMEOUT).until(() -> driver().findElement(By.id("load-error")).isDisplayed());
        assertThat(text("load-error")).startsWith("Không tải được số liệu");
        assertThat(text("tile-fdi-total")).isEqualTo("—");
    }

    private static String connectionState() {
        return driver().findElement(By.id("conn-status")).getAttribute("data-state");
    }
}
