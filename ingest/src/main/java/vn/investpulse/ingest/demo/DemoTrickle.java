package vn.investpulse.ingest.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.Importer;
import vn.investpulse.ingest.parse.Format;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.validate.Fields;

/**
 * Publishes one new demo registration event every {@code interval} (effective now, Hai Phong time) through
 * the importer, so a dashboard visibly moves: mostly FDI new projects and capital increases of projects
 * the trickle itself opened, now and then a DDI project. Start with {@link #start()}, stop with {@link #close()}
 * (or let {@code IngestService.close()} do it).
 */
public final class DemoTrickle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTrickle.class);

    private final Importer importer;
    private final Duration interval;
    private final Clock clock;
    private final Random random;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final List<DemoRow> opened = new ArrayList<>();
    private final String runId;
    private ScheduledExecutorService scheduler;

    public DemoTrickle(Importer importer, Duration interval, Clock clock, long seed) {
        this.importer = importer;
        this.interval = interval;
        this.clock = clock;
        this.random = new Random(seed ^ clock.millis());
        this.runId = Long.toString(clock.millis(), 36).toUpperCase();
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulse-demo-trickle");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sendOne, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Demo trickle: one event every {}", interval);
    }

    /** Events published so far. */
    public long sent() {
        return sent.get();
    }

    private void sendOne() {
        try {
            DemoRow row = next();
            ImportReport report = importer.importTable(TableKind.EVENTS, Format.CSV,
                    DemoRow.toCsv(List.of(row)).getBytes(StandardCharsets.UTF_8), DemoData.CONNECTOR, "demo-trickle", false);
            if (report.accepted() == 1) {
                sent.incrementAndGet();
            } else {
                LOG.warn("Demo trickle event refused: {}", report.rejected());
            }
        } catch (RuntimeException e) {
            // The next tick tries again; a broker hiccup must not end the trickle.
            LOG.warn("Demo trickle could not publish: {}", e.getMessage());
        }
    }

    DemoRow next() {
        long n = sequence.incrementAndGet();
        String eventId = "DEMO-LIVE-" + runId + "-" + n;
        String now = OffsetDateTime.now(clock.withZone(Fields.HAI_PHONG)).truncatedTo(ChronoUnit.SECONDS).toString();
        if (!opened.isEmpty() && random.nextInt(3) == 0) {
            DemoRow project = opened.get(random.nextInt(opened.size()));
            BigDecimal increase = project.amount().multiply(BigDecimal.valueOf(10 + random.nextInt(40)))
                    .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).max(BigDecimal.valueOf(1000));
            return new DemoRow(eventId, project.certificateNo(), "CAPITAL_INCREASE", project.capitalSource(),
                    project.investorName(), project.investorCountry(), project.zoneCode(), project.sectorCode(),
                    increase, project.currency(), now);
        }
        boolean fdi = random.nextInt(5) != 0;
        DemoData.Investor investor = fdi ? DemoData.pick(random, Catalogue.FDI_INVESTORS)
                : DemoData.pick(random, Catalogue.DDI_INVESTORS);
        BigDecimal amount = fdi
                ? BigDecimal.valueOf(2 + random.nextInt(80)).multiply(BigDecimal.valueOf(1_000_000))
                : BigDecimal.valueOf(50 + random.nextInt(2000)).multiply(BigDecimal.valueOf(1_000_000_000));
        DemoRow row = new DemoRow(eventId, "L" + runId + String.format("%05d", n), "NEW", fdi ? "FDI" : "DDI",
                investor.name(), investor.country(),
                DemoData.weighted(random, fdi ? Catalogue.FDI_ZONES : Catalogue.DDI_ZONES).value(),
                DemoData.weighted(random, fdi ? Catalogue.FDI_SECTORS : Catalogue.DDI_SECTORS).value(),
                amount, fdi ? "USD" : "VND", now);
        opened.add(row);
        return row;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
