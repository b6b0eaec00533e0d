package vn.investpulse.ingest.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.parse.Format;

/** Posts one batch to the ingest API and reads its report. */
final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Thrown when the server refuses the request as a whole (401, 413, 415, 400, 503 ...). */
    static final class ApiException extends RuntimeException {
        final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    ImportReport post(String path, Format format, byte[] body, String file, String connector, long lineOffset, boolean dryRun)
            throws IOException, InterruptedException {
        String query = "?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8) + "&connector=" + connector
                + "&lineOffset=" + lineOffset + (dryRun ? "&dryRun=true" : "");
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path + query))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", format.mediaType() + (format == Format.XLSX ? "" : "; charset=utf-8"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            String message = response.body();
            try {
                var node = json.readTree(response.body());
                message = node.path("error").asText(message) + (node.has("errorVi") ? " / " + node.get("errorVi").asText() : "");
            } catch (IOException e) {
                // not JSON: show the body as it is
            }
            throw new ApiException(response.statusCode(), "HTTP " + response.statusCode() + ": " + message);
        }
        return json.readValue(response.body(), ImportReport.class);
    }
}
