package vn.investpulse.alerts.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One POST of an alert's JSON to one webhook URL, with its idempotency key. */
final class WebhookClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final Duration timeout;

    WebhookClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What one attempt came to. */
    record Attempt(boolean delivered, boolean retryable, String error) {

        static Attempt ok() {
            return new Attempt(true, false, null);
        }
    }

    /**
     * POSTs {@code json}; 2xx is delivered. 408, 425, 429, 5xx and I/O errors are worth retrying; any other
     * status (400, 401, 404...) will not change by retrying, so it is final at once.
     *
     * @throws InterruptedException when the notifier is closed mid-request: the alert stays uncommitted
     */
    Attempt post(URI url, String idempotencyKey, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Attempt.ok();
            }
            boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
            return new Attempt(false, retryable, "POST " + redacted(url) + " answered HTTP " + status + abbreviated(response.body()));
        } catch (IOException e) {
            return new Attempt(false, true, "POST " + redacted(url) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** The URL without user info and query, which may carry tokens: the reason ends up in a topic. */
    static String redacted(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static String abbreviated(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
    }
}
