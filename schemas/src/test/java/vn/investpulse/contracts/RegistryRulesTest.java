package vn.investpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the rule is set on a registry that requires credentials. The embedded Apicurio cannot require them without an
 * OIDC server (not reachable here), so this registry is a small HTTP server speaking the part of the core API the rule
 * needs, checking basic auth as Apicurio's does; the embedded registry's own rule is checked by RegistryCompatibilityIT.
 */
class RegistryRulesTest {

    private static final String USER = "pulse";
    private static final String PASSWORD = "s3cret";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** The global compatibility rule the registry holds, or null. */
    private volatile String rule;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/apis/registry/v2/admin/rules", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/registry/v2";
    }

    @Test
    void credentialsFromTheClientSettingsAreSentAndAMissingRuleIsCreated() {
        RegistryRules.ensureBackwardCompatibility(url(), Map.of("apicurio.auth.username", USER, "apicurio.auth.password", PASSWORD));

        assertThat(rule).isEqualTo("BACKWARD");
        assertThat(requests).containsExactly("PUT /apis/registry/v2/admin/rules/COMPATIBILITY authorized",
                "POST /apis/registry/v2/admin/rules authorized");
    }

    @Test
    void anExistingRuleIsUpdated() {
        rule = "NONE";

        RegistryRules.ensureBackwardCompatibility(url(), Map.of("apicurio.auth.username", USER, "apicurio.auth.password", PASSWORD));

        assertThat(rule).isEqualTo("BACKWARD");
        assertThat(requests).containsExactly("PUT /apis/registry/v2/admin/rules/COMPATIBILITY authorized");
    }

    @Test
    void withoutCredentialsTheRefusalIsAClearStartupError() {
        assertThatThrownBy(() -> RegistryRules.ensureBackwardCompatibility(url()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(url())
                .hasMessageContaining("BACKWARD")
                .hasMessageContaining("NotAuthorized");
        assertThat(rule).isNull();
    }

    @Test
    void wrongCredentialsAreRefusedToo() {
        assertThatThrownBy(() -> RegistryRules.ensureBackwardCompatibility(url(),
                Map.of("apicurio.auth.username", USER, "apicurio.auth.password", "wrong")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NotAuthorized");
        assertThat(rule).isNull();
    }

    @Test
    void anUnreachableRegistryIsAClearStartupError() {
        String gone = url();
        server.stop(0);

        assertThatThrownBy(() -> RegistryRules.ensureBackwardCompatibility(gone))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(gone);
    }

    private void handle(HttpExchange x) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        boolean authorized = expected.equals(x.getRequestHeaders().getFirst("Authorization"));
        String path = x.getRequestURI().getPath();
        requests.add(x.getRequestMethod() + " " + path + (authorized ? " authorized" : " anonymous"));
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!authorized) {
            respond(x, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
            return;
        }
        boolean single = path.endsWith("/COMPATIBILITY");
        if (single && x.getRequestMethod().equals("PUT")) {
            if (rule == null) {
                respond(x, 404, "{\"error_code\":404,\"message\":\"No rule named 'COMPATIBILITY' was found.\",\"name\":\"RuleNotFoundException\"}");
            } else {
                rule = config(body);
                respond(x, 200, "{\"type\":\"COMPATIBILITY\",\"config\":\"" + rule + "\"}");
            }
        } else if (!single && x.getRequestMethod().equals("POST")) {
            rule = config(body);
            respond(x, 204, null);
        } else {
            respond(x, 405, "{\"error_code\":405,\"message\":\"not here\"}");
        }
    }

    private static String config(String body) {
        int at = body.indexOf("\"config\"");
        int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
        return body.substring(start, body.indexOf('"', start));
    }

    private static void respond(HttpExchange x, int status, String body) throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
