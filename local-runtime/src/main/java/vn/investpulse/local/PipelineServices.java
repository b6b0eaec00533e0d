package vn.investpulse.local;

import java.util.ArrayList;
import java.util.List;

/**
 * THE list of pipeline services the local runtime starts, in data-flow order (closed in reverse).
 * Adding a module takes its dependency in local-runtime/pom.xml and a few lines here, e.g.:
 *
 * <pre>{@code
 * IngestService ingest = new IngestService(IngestConfig.from(ctx.source()), ctx.topics(), ctx.serdes());
 * services.add(LocalService.of("ingest", ingest::start, ingest.ready(), ingest::register, ingest::close));
 * }</pre>
 *
 * {@code ctx.source()} already names this runtime's broker and registry, and
 * {@code ctx.stateDir("processor")} gives a persistent directory under the data directory.
 */
public final class PipelineServices {

    private PipelineServices() {
    }

    public static List<LocalService> create(RuntimeContext ctx) {
        List<LocalService> services = new ArrayList<>();
        // ingest -> processor -> alerts -> sink -> dashboard: wired in as their modules land.
        return services;
    }
}
