package vn.investpulse.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} (200 while the process serves HTTP) and {@code /health/ready} (200 only when
 * every component is ready, 503 otherwise), each with a JSON body listing the components:
 * <pre>{@code {"status":"UP","checks":[{"name":"kafka","status":"UP"},{"name":"registry","status":"UP"}]} }</pre>
 */
final class HealthChecks {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Check> checks = new ArrayList<>();

    record Check(String name, BooleanSupplier ready) {
    }

    /** One line of the JSON body, fields in this order. */
    record CheckState(String name, String status) {
    }

    HealthChecks add(String name, BooleanSupplier ready) {
        checks.add(new Check(name, ready));
        return this;
    }

    /** Name to readiness, in registration order; a check that throws counts as not ready. */
    Map<String, Boolean> evaluate() {
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (Check check : checks) {
            boolean ready;
            try {
                ready = check.ready().getAsBoolean();
            } catch (RuntimeException e) {
                ready = false;
            }
            result.put(check.name(), ready);
        }
        return result;
    }

    boolean allReady() {
        return evaluate().values().stream().allMatch(Boolean::booleanValue);
    }

    void register(Javalin app) {
        app.get(LIVE, ctx -> respond(ctx, HttpStatus.OK, Map.of("status", "UP")));
        app.get(READY, ctx -> {
            Map<String, Boolean> states = evaluate();
            boolean up = states.values().stream().allMatch(Boolean::booleanValue);
            List<CheckState> list = new ArrayList<>();
            states.forEach((name, ready) -> list.add(new CheckState(name, ready ? "UP" : "DOWN")));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("checks", list);
            respond(ctx, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, body);
        });
    }

    private static void respond(Context ctx, HttpStatus status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }
}
