package vn.investpulse.ingest;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.ingest.demo.DemoData;
import vn.investpulse.ingest.demo.DemoTrickle;
import vn.investpulse.ingest.http.ApiToken;
import vn.investpulse.ingest.http.IngestApi;
import vn.investpulse.ingest.kafka.RecordPublisher;
import vn.investpulse.ingest.parse.Format;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.ingest.reference.ReferenceCatalog;
import vn.investpulse.ingest.reference.ReferenceData;

/**
 * The ingest service: the HTTP API that takes registration events and reference data, validates them, and
 * publishes them with an idempotent producer; the reference data (zones, FX rates) it validates against.
 *
 * <pre>{@code
 * IngestService ingest = new IngestService(IngestConfig.from(source), topics, serdes);
 * ingest.register(app);          // mounts /api/v1/events and /api/v1/reference/* on a shared Javalin
 * ingest.start();                // non-blocking: reference consumer, seeding of default zones and FX rates
 * ingest.ready().getAsBoolean(); // true once reference data is caught up (and seeded)
 * DemoData.load(ingest);         // optional (PULSE_DEMO): the synthetic Hai Phong dataset
 * ingest.startDemoTrickle();     // optional: one new event every PULSE_DEMO_TRICKLE_INTERVAL
 * ingest.close();
 * }</pre>
 * The API token in use is {@link #apiToken()} (from PULSE_API_TOKEN, or generated into
 * {@code <dataDir>/api-token} in local mode and printed once).
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration SEED_WAIT = Duration.ofSeconds(1);

    private final IngestConfig config;
    private final Clock clock;
    private final RecordPublisher publisher;
    private final ReferenceData referenceData;
    private final Importer importer;
    private final ApiToken token;
    private final IngestApi api;
    private volatile boolean seeded;
    private volatile boolean closed;
    private Thread seeder;
    private DemoTrickle trickle;

    public IngestService(IngestConfig config, Topics topics, RegistrySerdes serdes) {
        this(config, topics, serdes, Clock.systemUTC());
    }

    /** @param clock decides "now" for the future-date check and ingestedAt (tests pin it) */
    public IngestService(IngestConfig config, Topics topics, RegistrySerdes serdes, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.publisher = new RecordPublisher(config.bootstrapServers(), serdes, config.kafkaClient());
        this.referenceData = new ReferenceData(config.bootstrapServers(), topics, serdes, config.kafkaClient());
        this.importer = new Importer(topics, publisher, referenceData, clock, config.maxFuture());
        this.token = ApiToken.resolve(config);
        this.api = new IngestApi(importer, token, config.maxBodyBytes(), referenceData.catalog());
    }

    /** Starts the reference consumer and, once it has caught up, seeds Hai Phong's defaults into empty topics. */
    public synchronized void start() {
        referenceData.start();
        seeder = new Thread(this::seedWhenCaughtUp, "pulse-ingest-seed");
        seeder.setDaemon(true);
        seeder.start();
    }

    public BooleanSupplier ready() {
        return () -> referenceData.ready() && seeded && !closed;
    }

    /** Mounts the API routes (see {@link IngestApi}) on a Javalin that may be shared with other modules. */
    public void register(Javalin app) {
        api.register(app);
    }

    public Importer importer() {
        return importer;
    }

    public ReferenceCatalog reference() {
        return referenceData.catalog();
    }

    public String apiToken() {
        return token.value();
    }

    public IngestConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** Waits until {@link #ready()}; for the local runtime and tests. */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready().getAsBoolean()) {
            if (System.nanoTime() > deadline || closed) {
                return false;
            }
            referenceData.awaitReady(Duration.ofMillis(100));
            synchronized (this) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Starts the demo trickle at PULSE_DEMO_TRICKLE_INTERVAL; it stops with {@link #close()}. */
    public synchronized DemoTrickle startDemoTrickle() {
        if (trickle == null) {
            trickle = new DemoTrickle(importer, config.demoTrickleInterval(), clock, DemoData.SEED + 1);
            trickle.start();
        }
        return trickle;
    }

    private void seedWhenCaughtUp() {
        while (!closed && !referenceData.awaitReady(SEED_WAIT)) {
            LOG.debug("waiting for reference data before seeding");
        }
        if (closed) {
            return;
        }
        try {
            if (config.seedReference()) {
                if (referenceData.catalog().zoneCount() == 0) {
                    seed(TableKind.ZONES, HaiPhongDefaults.ZONES);
                }
                if (referenceData.catalog().fxRateCount() == 0) {
                    seed(TableKind.FX_RATES, HaiPhongDefaults.FX_RATES);
                }
            }
            seeded = true;
        } catch (RuntimeException e) {
            LOG.error("Seeding default reference data failed; ingest stays not ready: {}", e.getMessage(), e);
        }
    }

    private void seed(TableKind kind, String resource) {
        ImportReport report = importer.importTable(kind, Format.CSV, HaiPhongDefaults.resource(resource), "defaults", resource, false);
        LOG.info("Seeded default {}: {} records", kind, report.accepted());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (trickle != null) {
            trickle.close();
        }
        referenceData.close();
        publisher.close();
    }
}
