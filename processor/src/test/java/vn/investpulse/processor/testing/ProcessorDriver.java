package vn.investpulse.processor.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import vn.investpulse.config.ConfigSource;
import vn.investpulse.contracts.RegistrySerdes;
import vn.investpulse.contracts.Topics;
import vn.investpulse.processor.config.ProcessorConfig;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.figures.IndicatorRecords;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.processor.store.SeriesStores;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.Dimension;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.processor.topology.ProcessorTopology;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * The production topology and the production Streams properties in a TopologyTestDriver, with topics
 * serialised through the real registry. Record timestamps are explicit; wall-clock time (which drives
 * emission) only moves when a test calls {@link #emit()}.
 */
public final class ProcessorDriver implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    private final ProcessorConfig config;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RegistrationEvent> registrations;
    private final TestInputTopic<String, byte[]> rawRegistrations;
    private final TestInputTopic<String, FxRate> fxRates;
    private final TestInputTopic<String, PlanTarget> plans;
    private final TestOutputTopic<IndicatorKey, Indicator> indicators;
    private final TestOutputTopic<String, DeadLetter> deadLetters;
    private final Map<String, Indicator> latest = new LinkedHashMap<>();
    private Instant recordTime = Instant.parse("2026-01-01T00:00:00Z");

    public ProcessorDriver(Topics topics, RegistrySerdes serdes, Path stateDir) {
        this.config = ProcessorConfig.from(new ConfigSource(Map.of(
                "PULSE_STATE_DIR", stateDir.toString(),
                "PULSE_APPLICATION_ID", "processor-test")));
        Topology topology = ProcessorTopology.build(topics, serdes, config.emitInterval(), config.rateWait());
        Properties props = config.streamsProperties();
        this.driver = new TopologyTestDriver(topology, props, START);
        registrations = driver.createInputTopic(topics.registrations().name(), Serdes.String().serializer(),
                serdes.valueSerializer(topics.registrations()));
        rawRegistrations = driver.createInputTopic(topics.registrations().name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        fxRates = driver.createInputTopic(topics.fxRates().name(), Serdes.String().serializer(), serdes.valueSerializer(topics.fxRates()));
        plans = driver.createInputTopic(topics.plans().name(), Serdes.String().serializer(), serdes.valueSerializer(topics.plans()));
        indicators = driver.createOutputTopic(topics.indicators().name(), serdes.keyDeserializer(topics.indicators()),
                serdes.valueDeserializer(topics.indicators()));
        deadLetters = driver.createOutputTopic(topics.registrationsDlq().name(), Serdes.String().deserializer(),
                serdes.valueDeserializer(topics.registrationsDlq()));
    }

    public ProcessorConfig config() {
        return config;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** Pipes registrations with increasing explicit record timestamps (record time is ingest time, not effectiveAt). */
    public ProcessorDriver pipe(Registrations... events) {
        for (Registrations r : events) {
            RegistrationEvent e = r.build();
            recordTime = recordTime.plusSeconds(1);
            registrations.pipeInput(e.getCertificateNo(), e, recordTime);
        }
        return this;
    }

    public ProcessorDriver pipe(List<RegistrationEvent> events) {
        for (RegistrationEvent e : events) {
            recordTime = recordTime.plusSeconds(1);
            registrations.pipeInput(e.getCertificateNo(), e, recordTime);
        }
        return this;
    }

    public ProcessorDriver pipeRaw(String key, byte[] bytes) {
        recordTime = recordTime.plusSeconds(1);
        rawRegistrations.pipeInput(key, bytes, recordTime);
        return this;
    }

    public ProcessorDriver rate(String currency, String effectiveDate, String vndPerUnit) {
        FxRate rate = FxRate.newBuilder().setCurrency(currency).setEffectiveDate(LocalDate.parse(effectiveDate))
                .setVndPerUnit(new BigDecimal(vndPerUnit).setScale(6, RoundingMode.HALF_UP)).build();
        recordTime = recordTime.plusSeconds(1);
        fxRates.pipeInput(currency + ":" + effectiveDate, rate, recordTime);
        return this;
    }

    public ProcessorDriver plan(CapitalSource source, int year, String zone, String amount, String currency) {
        PlanTarget plan = PlanTarget.newBuilder().setCapitalSource(source).setYear(year).setZoneCode(zone)
                .setAmount(new BigDecimal(amount).setScale(6, RoundingMode.HALF_UP)).setCurrency(currency).build();
        recordTime = recordTime.plusSeconds(1);
        plans.pipeInput(source + ":" + year + (zone == null ? "" : ":" + zone), plan, recordTime);
        return this;
    }

    /** Lets wall-clock time pass: each punctuator that is due runs once. */
    public ProcessorDriver pass(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
        return this;
    }

    /**
     * Lets wall-clock time pass (the punctuator runs once) and returns the indicators emitted. A minute, not one
     * interval: the emitter backs off after a slow punctuation, and a loaded test machine must not make that visible.
     */
    public List<KeyValue<IndicatorKey, Indicator>> emit() {
        // A punctuation has a time budget: on a slow machine it may take several to drain every dirty series.
        org.apache.kafka.streams.state.KeyValueStore<String, Object> dirty = driver.getKeyValueStore(StoreNames.DIRTY_SERIES);
        List<KeyValue<IndicatorKey, Indicator>> out = new java.util.ArrayList<>();
        int rounds = 0;
        do {
            driver.advanceWallClockTime(Duration.ofMinutes(1));
            out.addAll(indicators.readKeyValuesToList());
        } while (hasEntries(dirty) && ++rounds < 1000);
        for (KeyValue<IndicatorKey, Indicator> kv : out) {
            latest.put(text(kv.key), kv.value);
        }
        return out;
    }

    private static boolean hasEntries(org.apache.kafka.streams.state.KeyValueStore<String, Object> store) {
        try (var it = store.all()) {
            return it.hasNext();
        }
    }

    /** The latest emitted indicator of a key such as {@code FDI|TOTAL||YEAR|2023}, or null. */
    public Indicator latest(String keyText) {
        return latest.get(keyText);
    }

    public Map<String, Indicator> latest() {
        return latest;
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters.readValuesToList();
    }

    public static String text(IndicatorKey k) {
        return k.getSource() + "|" + k.getDimension() + "|" + k.getDimensionValue() + "|" + k.getPeriodKind() + "|" + k.getPeriodId();
    }

    /**
     * Checks that every indicator emitted last equals what the stores give now (the query API's path): the emitter's
     * in-memory month totals must never drift from the stores.
     */
    public void assertEmittedMatchStores() {
        SeriesStores stores = new SeriesStores(driver.getKeyValueStore(StoreNames.FACTS), driver.getKeyValueStore(StoreNames.FX_RATES),
                driver.getKeyValueStore(StoreNames.PLANS));
        latest.forEach((key, emitted) -> {
            String[] parts = key.split("\\|", -1);
            DimKey series = new DimKey(IndicatorSource.valueOf(parts[0]), Dimension.valueOf(parts[1]), parts[2]);
            Figures f = stores.figures(series, PeriodId.parse(parts[4]));
            Indicator expected = IndicatorRecords.indicator(series, f, emitted.getAsOf(), emitted.getLastEventId(),
                    emitted.getLastCertificateNo(), emitted.getLastIngestedAt());
            if (!expected.equals(emitted)) {
                throw new AssertionError(key + ": emitted " + emitted + " but the stores give " + expected);
            }
        });
    }

    public Duration emitInterval() {
        return config.emitInterval();
    }

    @Override
    public void close() {
        driver.close();
    }
}
