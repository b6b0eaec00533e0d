package vn.investpulse.local;

import io.javalin.Javalin;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One pipeline service as the local runtime drives it: started after the broker, the registry and
 * the topics; mounted on the runtime's single Javalin; asked for readiness by {@code /health/ready};
 * closed in reverse start order. Every module's service class ({@code IngestService},
 * {@code ProcessorService}, ...) has these four methods, so it plugs in with {@link #of}.
 */
public interface LocalService {

    /** Short name shown in logs and in {@code /health/ready}, e.g. "ingest". */
    String name();

    /** Starts the service without blocking. */
    void start();

    /** True once the service does its job (e.g. its Kafka Streams instance is RUNNING). */
    boolean ready();

    /** Adds the service's HTTP routes to the runtime's Javalin (called before the server starts). */
    void register(Javalin app);

    /** Stops the service and releases what it holds; must not throw. */
    void close();

    /**
     * Adapts a module's service class without a wrapper class:
     * <pre>{@code
     * IngestService ingest = new IngestService(IngestConfig.from(ctx.source()), ctx.topics(), ctx.serdes());
     * LocalService.of("ingest", ingest::start, ingest.ready(), ingest::register, ingest::close);
     * }</pre>
     */
    static LocalService of(String name, Runnable start, BooleanSupplier ready, Consumer<Javalin> routes, AutoCloseable close) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(close, "close");
        return new LocalService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                start.run();
            }

            @Override
            public boolean ready() {
                return ready.getAsBoolean();
            }

            @Override
            public void register(Javalin app) {
                routes.accept(app);
            }

            @Override
            public void close() {
                try {
                    close.close();
                } catch (Exception e) {
                    throw new IllegalStateException(name + " did not close cleanly: " + e.getMessage(), e);
                }
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
