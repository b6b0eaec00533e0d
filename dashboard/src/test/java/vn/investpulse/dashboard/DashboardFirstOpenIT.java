package vn.investpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.investpulse.dashboard.browser.HeadlessChromium;

/**
 * A change made after the page's first read of the figures and before its live stream opened is shown. The stream
 * carries only what changes after it opens, so without a re-read at the first opening the tile kept the first read's
 * figure until the next change (seen in CI: a registration POSTed while a slow browser was still opening the page).
 *
 * <p>Here the stream's opening is held until the first read has answered; then the figures change, unannounced, and
 * the stream opens.
 */
class DashboardFirstOpenIT {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);

    private static Javalin app;
    private static HeadlessChromium browser;
    private static final CountDownLatch OPEN = new CountDownLatch(1);
    private static final AtomicBoolean CHANGED = new AtomicBoolean();
    private static final AtomicInteger READS = new AtomicInteger();

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> config.showJavalinBanner = false);
        new DashboardService(DashboardConfig.defaults()).register(app);
        // Runs before the stream's handler answers: the connection opens (its headers reach the page) only after it.
        app.before("/api/v1/indicators/stream", ctx -> assertThat(OPEN.await(30, TimeUnit.SECONDS)).as("opened").isTrue());
        app.sse("/api/v1/indicators/stream", SseClient::keepAlive);
        app.sse("/api/v1/alerts/stream", SseClient::keepAlive);
        app.get("/api/v1/indicators", ctx -> {
            READS.incrementAndGet();
            ctx.contentType("application/json").result(CHANGED.get()
                    ? yearFigure(ctx.queryParam("source"), 50_000_000, 5) : yearFigure(ctx.queryParam("source"), 0, 0));
        });
        app.start(0);
        browser = HeadlessChromium.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        OPEN.countDown();
        if (browser != null) {
            browser.close();
        }
        app.stop();
    }

    @Test
    void aChangeBeforeTheStreamOpenedIsShownOnceItOpens() {
        browser.driver().get("http://localhost:" + app.port() + "/?lang=vi");
        await("the first read on the tile").atMost(PAGE_TIMEOUT)
                .until(() -> READS.get() >= 2 && text("tile-fdi-plan").equals("Kế hoạch năm: 1 tỷ USD"));
        assertThat(text("tile-fdi-total")).isEqualTo("0 USD");

        CHANGED.set(true); // a registration counted: nothing tells the page, its stream is not open
        OPEN.countDown();
        await("the change on the tile once the stream opened").atMost(PAGE_TIMEOUT)
                .until(() -> text("tile-fdi-total").equals("50 triệu USD"));
        assertThat(text("tile-fdi-pct")).isEqualTo("5,00 %");
    }

    private static String text(String id) {
        return TileFigures.text(browser, id);
    }

    private static String yearFigure(String source, long capitalUsd, int planPct) {
        return TileFigures.yearFigure(source, capitalUsd, planPct);
    }
}
