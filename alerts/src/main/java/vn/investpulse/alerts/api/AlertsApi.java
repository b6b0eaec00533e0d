package vn.investpulse.alerts.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.alerts.json.AlertJson;
import vn.investpulse.alerts.json.Json;
import vn.investpulse.schemas.Alert;
import vn.investpulse.schemas.AlertKind;
import vn.investpulse.schemas.AlertState;
import vn.investpulse.schemas.CapitalSource;

/**
 * The alerts HTTP API:
 * <ul>
 *   <li>{@code GET /api/v1/alerts?source=FDI&year=2023[&state=FIRING][&kind=PLAN_PACE][&scope=TOTAL][&limit=200]}:
 *       the alert history, newest first, as a JSON array of alerts (see {@link AlertJson}); 400 with
 *       {@code {"error": "..."}} on a malformed parameter. Every parameter is optional.</li>
 *   <li>{@code GET /api/v1/alerts/stream}: server-sent events, one event named {@code alert} per new alert,
 *       its data the alert's JSON, its id {@code partition:offset}.</li>
 * </ul>
 */
public final class AlertsApi {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsApi.class);
    public static final String LIST_PATH = "/api/v1/alerts";
    public static final String STREAM_PATH = "/api/v1/alerts/stream";
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    public static final String SSE_EVENT = "alert";

    private final AlertHistory history;
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();

    public AlertsApi(AlertHistory history) {
        this.history = history;
    }

    public void register(Javalin app) {
        app.get(LIST_PATH, this::list);
        app.sse(STREAM_PATH, client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
        });
    }

    /** Pushes an alert to every open stream; a client that has gone away is dropped. */
    public void publish(AlertHistory.Entry entry) {
        String json = AlertJson.toJson(entry.alert());
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            try {
                client.sendEvent(SSE_EVENT, json, entry.partition() + ":" + entry.offset());
            } catch (RuntimeException e) {
                LOG.debug("Dropping an alert stream client: {}", e.toString());
                clients.remove(client);
            }
        }
    }

    int streamClients() {
        return clients.size();
    }

    private void list(Context ctx) {
        Query query;
        try {
            query = Query.parse(ctx.queryParamMap());
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("application/json")
                    .result(json(Map.of("error", e.getMessage())));
            return;
        }
        List<Map<String, Object>> alerts = history.query(query, query.limit()).stream().map(AlertJson::toMap).toList();
        ctx.contentType("application/json").result(json(alerts));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The parsed, validated query parameters; null fields match anything. */
    record Query(CapitalSource source, Integer year, AlertState state, AlertKind kind, String scope, int limit)
            implements Predicate<Alert> {

        static Query parse(Map<String, List<String>> params) {
            return new Query(
                    enumParam(params, "source", CapitalSource.class),
                    yearParam(params),
                    enumParam(params, "state", AlertState.class),
                    enumParam(params, "kind", AlertKind.class),
                    single(params, "scope"),
                    limitParam(params));
        }

        @Override
        public boolean test(Alert a) {
            return (source == null || a.getSource() == source)
                    && (year == null || a.getYear() == year)
                    && (state == null || a.getState() == state)
                    && (kind == null || a.getKind() == kind)
                    && (scope == null || a.getScope().equalsIgnoreCase(scope));
        }

        private static String single(Map<String, List<String>> params, String name) {
            List<String> values = params.get(name);
            if (values == null || values.isEmpty() || values.get(0).isBlank()) {
                return null;
            }
            if (values.size() > 1) {
                throw new IllegalArgumentException(name + " is given " + values.size() + " times; give it once");
            }
            return values.get(0).trim();
        }

        private static <E extends Enum<E>> E enumParam(Map<String, List<String>> params, String name, Class<E> type) {
            String value = single(params, name);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " must be one of " + List.of(type.getEnumConstants()) + ", not '" + value + "'");
            }
        }

        private static Integer yearParam(Map<String, List<String>> params) {
            String value = single(params, "year");
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{4}")) {
                throw new IllegalArgumentException("year must be a four-digit year such as 2023, not '" + value + "'");
            }
            return Integer.parseInt(value);
        }

        private static int limitParam(Map<String, List<String>> params) {
            String value = single(params, "limit");
            if (value == null) {
                return DEFAULT_LIMIT;
            }
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
        }
    }
}
