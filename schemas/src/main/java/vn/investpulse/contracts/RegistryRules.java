package vn.investpulse.contracts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry-wide rules set at startup. Apicurio's default compatibility is NONE; ours is BACKWARD,
 * so a consumer with the new schema can always read what was written with the previous one.
 */
public final class RegistryRules {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRules.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RegistryRules() {
    }

    /**
     * Sets the global compatibility rule to BACKWARD through the Apicurio core API.
     *
     * @param registryApiUrl e.g. {@code http://localhost:8081/apis/registry/v2}
     */
    public static void ensureBackwardCompatibility(String registryApiUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String rules = registryApiUrl.replaceAll("/+$", "") + "/admin/rules";
        String body = "{\"type\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}";
        try {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(rules + "/COMPATIBILITY"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() == 404) {
                // No global rule yet: create it.
                HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(rules))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                check(post, "create");
            } else {
                check(put, "update");
            }
            LOG.info("Schema registry {}: global compatibility rule is BACKWARD", registryApiUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the schema registry at " + registryApiUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring the schema registry", e);
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("schema registry refused to " + what + " the compatibility rule: HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }
}
