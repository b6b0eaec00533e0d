package vn.investpulse.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.investpulse.dashboard.DashboardConfig;
import vn.investpulse.dashboard.DashboardService;

/** The page and its assets come out of the jar, on one Javalin shared with the other modules' routes. */
class DashboardRoutesTest {

    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> config.showJavalinBanner = false);
        new DashboardService(DashboardConfig.defaults()).register(app);
        app.start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"tile-fdi-total\"", "id=\"lang-toggle\"", "id=\"alert-feed\"",
                "id=\"conn-status\"", "id=\"updated-at\"", "/dashboard/vendor/echarts.min.js");
    }

    @Test
    void servesScriptsAndStylesWithTheirContentTypes() throws Exception {
        assertThat(get("/dashboard/js/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/dashboard/css/dashboard.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void servesEChartsFromTheWebJarWithoutNamingItsVersionInThePage() throws Exception {
        HttpResponse<String> echarts = get("/dashboard/vendor/echarts.min.js");

        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(DashboardRoutes.echartsVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void nothingInThePageComesFromTheInternet() throws Exception {
        String page = get("/").body();

        assertThat(page).doesNotContain("http://", "https://", "//cdn");
    }

    @Test
    void givesThePageItsSettings() throws Exception {
        HttpResponse<String> config = get("/dashboard/config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"paceFactor\":0.8", "\"apiBaseUrl\":\"\"", "Asia/Ho_Chi_Minh");
    }

    @Test
    void answers404ForMissingFilesAndPathsLeavingTheFolder() throws Exception {
        assertThat(get("/dashboard/js/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/../logback-test.xml").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/%2e%2e/logback-test.xml").statusCode()).isEqualTo(404);
    }
}
