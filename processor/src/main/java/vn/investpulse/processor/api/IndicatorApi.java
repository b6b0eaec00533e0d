package vn.investpulse.processor.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.processor.query.IndicatorQueries;
import vn.investpulse.processor.query.IndicatorRequest;
import vn.investpulse.processor.query.QueryRouter;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;

/**
 * The indicator query API:
 * <ul>
 *   <li>{@code GET /api/v1/indicators?source=FDI&period=2023[&zone=DEEP_C|&sector=C26|&sector=C|&country=KR]}</li>
 *   <li>{@code GET /api/v1/indicators/series?source=FDI&granularity=month&from=2023-01&to=2023-12[&zone=...]}</li>
 *   <li>{@code GET /api/v1/indicators/breakdown?source=FDI&period=2023&by=zone|sector|section|country}</li>
 *   <li>{@code GET /api/v1/indicators/stream} — server-sent events {@code indicator}</li>
 * </ul>
 * A malformed query answers 400 {@code {"error": reason}}; stores not queryable yet answer 503. When another
 * instance owns the stores the request is forwarded to it.
 */
public final class IndicatorApi {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorApi.class);
    public static final String BASE = "/api/v1/indicators";
    /** Marks a forwarded request, so a stale routing table cannot bounce a request between instances. */
    static final String FORWARDED = "X-Pulse-Forwarded";
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final String JSON = "application/json";

    private final IndicatorQueries queries;
    private final Supplier<QueryRouter> router;
    private final IndicatorStream stream;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    public IndicatorApi(IndicatorQueries queries, Supplier<QueryRouter> router, IndicatorStream stream) {
        this.queries = queries;
        this.router = router;
        this.stream = stream;
    }

    public void register(Javalin app) {
        app.get(BASE, ctx -> serve(ctx, q -> {
            IndicatorSource source = IndicatorRequest.source(q);
            DimKey series = IndicatorRequest.series(source, q);
            PeriodId period = IndicatorRequest.period(q);
            return () -> IndicatorJson.figures(queries.one(series, period));
        }));
        app.get(BASE + "/series", ctx -> serve(ctx, q -> {
            IndicatorSource source = IndicatorRequest.source(q);
            DimKey series = IndicatorRequest.series(source, q);
            var periods = IndicatorRequest.periods(IndicatorRequest.granularity(q), q);
            return () -> IndicatorJson.figuresList(queries.series(series, periods));
        }));
        app.get(BASE + "/breakdown", ctx -> serve(ctx, q -> {
            IndicatorSource source = IndicatorRequest.source(q);
            PeriodId period = IndicatorRequest.period(q);
            Dimension by = IndicatorRequest.breakdownDimension(q);
            return () -> queries.breakdown(source, by, period).stream().map(IndicatorJson::row).toList();
        }));
        app.sse(BASE + "/stream", stream::accept);
    }

    /** Parses (400 on a bad query), then answers locally or forwards to the owner of the stores. */
    private void serve(Context ctx, Function<Function<String, String>, Supplier<Object>> parse) {
        Supplier<Object> answer;
        try {
            answer = parse.apply(ctx::queryParam);
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType(JSON).result(IndicatorJson.error(e.getMessage()));
            return;
        }
        try {
            Optional<HostInfo> owner = ctx.header(FORWARDED) != null ? Optional.empty() : router.get().remoteOwner();
            if (owner.isPresent()) {
                forward(ctx, owner.get());
                return;
            }
            ctx.contentType(JSON).result(IndicatorJson.write(answer.get()));
        } catch (QueryRouter.NotAvailableException | InvalidStateStoreException | IllegalStateException e) {
            ctx.status(503).contentType(JSON).result(IndicatorJson.error("indicators not available yet: " + e.getMessage()));
        }
    }

    private void forward(Context ctx, HostInfo owner) {
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + ctx.path() + query);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT).header(FORWARDED, "1").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            ctx.status(r.statusCode()).contentType(JSON).result(r.body());
        } catch (IOException e) {
            LOG.warn("Cannot forward {} to {}: {}", ctx.path(), owner, e.toString());
            ctx.status(503).contentType(JSON).result(IndicatorJson.error("the instance owning the indicators (" + owner
                    + ") is unreachable: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.status(503).contentType(JSON).result(IndicatorJson.error("interrupted"));
        }
    }
}
