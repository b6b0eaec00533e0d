package vn.investpulse.processor.topology;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.processor.facts.DimKey;
import vn.investpulse.processor.figures.FigureCalculator;
import vn.investpulse.processor.figures.Figures;
import vn.investpulse.processor.figures.IndicatorRecords;
import vn.investpulse.processor.figures.MonthDays;
import vn.investpulse.processor.figures.MonthTotals;
import vn.investpulse.processor.figures.Plan;
import vn.investpulse.processor.fx.FxRates;
import vn.investpulse.processor.fx.StoreFxRates;
import vn.investpulse.processor.period.PeriodId;
import vn.investpulse.processor.store.DirtyMark;
import vn.investpulse.processor.store.SeriesMarks;
import vn.investpulse.processor.store.SeriesStores;
import vn.investpulse.processor.store.StoreNames;
import vn.investpulse.schemas.Indicator;
import vn.investpulse.schemas.IndicatorKey;
import vn.investpulse.schemas.IndicatorSource;
import vn.investpulse.schemas.PeriodKind;

/**
 * Emits changed indicators. Incoming marks say which series changed and from which month; every
 * {@code emitInterval} of wall-clock time (registrations are sparse, so emission must not wait for traffic) the
 * dirty series are recomputed from their base facts, from that month on — the months, quarters and years it
 * touches, YTD of later months, cumulative of every later period, YoY of the following year — and only figures
 * that differ from the last emitted ones go out. A late row or an FX change therefore re-emits exactly the
 * affected periods, and a burst of events costs one computation per series.
 */
final class IndicatorEmitter implements Processor<String, SeriesMarks, IndicatorKey, Indicator> {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorEmitter.class);
    static final int MAX_CACHED_SERIES = 4096;
    /**
     * While a backlog is being consumed, the next punctuation waits this many times as long as the last one took:
     * during a replay or a large re-import emission then takes about 5 % of the thread, and the figures of a series
     * that thousands of events touch are computed a few times instead of once per interval.
     */
    static final int BACKOFF_FACTOR = 20;
    /**
     * How far behind the wall clock (record timestamp: when the registration reached Kafka) the input must be to count
     * as a backlog. Live traffic — a one-stop-shop posting certificates, a screen's demo trickle — is read within
     * milliseconds, so it is emitted every interval and never waits behind a backlog's hold.
     */
    static final Duration BACKLOG_LAG = Duration.ofSeconds(2);
    /**
     * Input without marks for this long, and for {@link #QUIET_PUNCTUATIONS} punctuations, with no registration read
     * before the repartition either ({@link InputActivity}), is idle: whatever is dirty is
     * emitted at once, and the input stays idle until the next mark — the tail of a replay (nothing left to read,
     * thousands of series to emit) then runs its punctuations back to back instead of waiting after each. Neither an
     * emission nor the commit after it counts: the thread reads nothing meanwhile. (Counted, the commit after an
     * emission — thousands of indicators to flush — needed a full second here, or the hold of a backlog ended after
     * every emission.)
     */
    static final Duration IDLE_AFTER = Duration.ofMillis(300);
    /**
     * Punctuations in a row without a mark before the input counts as idle: one stall of the thread (a garbage
     * collection, a slow commit) makes one late punctuation, while input that has ended makes one every interval.
     */
    static final int QUIET_PUNCTUATIONS = 3;
    /** Longest a punctuation computes: far below the EOS transaction timeout (10 s) of Kafka Streams. */
    static final Duration PUNCTUATION_BUDGET = Duration.ofSeconds(1);
    /**
     * Longest a punctuation computes while live registrations arrive: the stream thread reads nothing while it
     * emits, so a long recomputation (a rate change, the demo seed) must not hold a live event back for a second.
     */
    static final Duration LIVE_PUNCTUATION_BUDGET = Duration.ofMillis(150);

    /**
     * Series whose totals are computed together, half of them on the helper thread, before they are emitted in order.
     * Small, so a punctuation's budget is overrun by one round at most.
     */
    static final int ROUND = 8;

    private final Duration emitInterval;
    private final InputActivity inputActivity;
    /**
     * Converts stored series beside the stream thread (null on a single core). Reloading and converting month totals
     * is about half of an emission, and the end of a replay — every series, thirty years of months — leaves the second
     * core to the broker alone. It only reads: the facts as of the round's start and the rates loaded before it, while
     * the stream thread works on the other half; everything written (stores, the totals cache, records) stays the
     * stream thread's.
     */
    private ExecutorService helper;
    private KeyValueStore<String, MonthDays> facts;
    private ProcessorContext<IndicatorKey, Indicator> context;
    /** Persistent marks: what a new task instance (restart, rebalance, aborted transaction) must still emit. */
    private KeyValueStore<String, DirtyMark> dirty;
    private KeyValueStore<String, String> emitted;
    private SeriesStores series;
    private long nextEmissionAt;
    private long lastMarkAt;
    /** No mark for {@link #IDLE_AFTER}, emission time not counted; cleared by the next mark. */
    private boolean idle;
    /** Punctuations since the last mark, the first after an emission not counted. */
    private int quietPunctuations;
    /**
     * When this emitter last asked for a commit because no registration had been read for {@link #IDLE_AFTER}: the
     * input counts as idle only after such a commit made everything forwarded to the repartition readable, and
     * {@link #IDLE_AFTER} more without a mark. (Input tasks on another thread or instance commit on their own schedule;
     * if the input is then taken for idle too soon, the cost is one emission more, never a wrong figure.)
     */
    private long commitAskedAt = Long.MIN_VALUE / 2;
    /** The last punctuation emitted: the next one comes after the commit that flushed it. */
    private boolean emittedLast;
    private long latestLagMs;
    private long lastLiveMarkAt = Long.MIN_VALUE / 2;
    /** Series dirtied by live records (read within {@link #BACKLOG_LAG}): emitted before the rest. */
    private final Set<String> live = new HashSet<>();
    private String resumeAfter;
    /**
     * Rate lookups, memoised from one punctuation to the next: each is a range read of the rate store, thousands per
     * punctuation. Dropped whenever a rate mark arrives (the rate store changed) and on init.
     */
    private FxRates rates;
    /**
     * The dirty series in memory, by series key (sorted, so emission can rotate). Every mark is merged here; the store
     * is written only when a series becomes dirty or its persistent mark must widen (an earlier month, a rate change),
     * not once per event — which was a read, a merge and a write of an ever-growing mark for every series an event
     * touches. The store's marks are enough to recover: a new instance reloads every series it recomputes.
     */
    // A hash map: every event's marks land here (a tree cost ~3 % of the thread in comparisons); the emission, far
    // rarer, sorts the keys it rotates through.
    private final Map<String, PendingSeries> pending = new HashMap<>();
    /** Converted month totals per series; bounded (least recently used series are dropped and reloaded on demand). */
    private final Map<DimKey, CachedSeries> totals = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DimKey, CachedSeries> eldest) {
            return size() > MAX_CACHED_SERIES;
        }
    };

    IndicatorEmitter(Duration emitInterval, InputActivity inputActivity) {
        this.emitInterval = emitInterval;
        this.inputActivity = inputActivity;
    }

    @Override
    public void init(ProcessorContext<IndicatorKey, Indicator> context) {
        this.context = context;
        this.dirty = context.getStateStore(StoreNames.DIRTY_SERIES);
        this.emitted = context.getStateStore(StoreNames.EMITTED);
        this.facts = context.getStateStore(StoreNames.FACTS);
        KeyValueStore<String, BigDecimal> fx = context.getStateStore(StoreNames.FX_RATES);
        KeyValueStore<String, Plan> plans = context.getStateStore(StoreNames.PLANS);
        this.series = new SeriesStores(facts, fx, plans);
        // init runs again on the same instance when a task is revived after an aborted transaction: start from the
        // stores, never from memory that may hold what the aborted transaction did.
        totals.clear();
        pending.clear();
        live.clear();
        resumeAfter = null;
        rates = null;
        try (KeyValueIterator<String, DirtyMark> it = dirty.all()) {
            while (it.hasNext()) {
                KeyValue<String, DirtyMark> kv = it.next();
                pending.put(kv.key, PendingSeries.persisted(kv.value));
            }
        }
        if (helper == null && Runtime.getRuntime().availableProcessors() > 1) {
            String name = context.applicationId() + "-" + context.taskId() + "-emission-helper";
            helper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
            helper = null;
        }
    }

    @Override
    public void process(Record<String, SeriesMarks> record) {
        lastMarkAt = context.currentSystemTimeMs();
        idle = false;
        quietPunctuations = 0;
        latestLagMs = lastMarkAt - record.timestamp();
        boolean isLive = latestLagMs <= BACKLOG_LAG.toMillis();
        if (isLive) {
            lastLiveMarkAt = lastMarkAt;
        }
        SeriesMarks marks = record.value();
        for (Map.Entry<String, DirtyMark> m : marks.marks()) {
            if (isLive) {
                live.add(m.getKey());
            }
            if (m.getValue().ratesChanged()) {
                rates = null;
            }
            mark(m.getKey(), m.getValue());
        }
        for (int i = 0; i < marks.changes(); i++) {
            String key = marks.changedSeries(i);
            if (isLive) {
                live.add(key);
            }
            PendingSeries p = pending.computeIfAbsent(key, k -> new PendingSeries());
            p.addFacts(marks.changedMonth(i), marks.eventId(), marks.certificateNo(), marks.ingestedAt());
            widen(key, p);
        }
    }

    /** Merges a mark into the series' pending one; writes the store only when the persistent mark must widen. */
    private void mark(String key, DirtyMark mark) {
        PendingSeries p = pending.computeIfAbsent(key, k -> new PendingSeries());
        p.add(mark, PendingSeries.indexes(mark));
        widen(key, p);
    }

    private void widen(String key, PendingSeries p) {
        DirtyMark widened = p.widenedPersistentMark();
        if (widened != null) {
            dirty.put(key, widened);
        }
    }


    /** Series marks still waiting for emission (for tests and the emission-backlog gauge). */
    int pendingSeries() {
        return pending.size();
    }

    /**
     * Emission budget: while a backlog is read (marks arriving, {@link #BACKLOG_LAG} or more behind), after a punctuation that took T the next one waits
     * {@link #BACKOFF_FACTOR} × T, so a replay or a large re-import is consumed with emission taking about 5 % of the
     * thread; otherwise every interval emits. Marks are persistent, so waiting delays the indicators, never loses them.
     */
    private void punctuate(long now) {
        // Records of a backlog come in bursts (each commit of the repartition makes a batch visible, and the commit after
        // a long emission flushes thousands of indicators first): a quiet time counts only while the thread was free to
        // read. Once, with the commit after an emission counted, every such commit looked like the end of the input and
        // the emissions ran back to back in the middle of replays, three quarters of the thread.
        if (emittedLast) {
            // The time since the emission was the commit that flushed its indicators (and the poll after it).
            lastMarkAt = Math.max(lastMarkAt, now);
            emittedLast = false;
        } else {
            quietPunctuations++;
        }
        long lastReadAt = inputActivity.lastReadAt();
        if (now - lastReadAt >= IDLE_AFTER.toMillis() && commitAskedAt < lastReadAt) {
            // No registration read for a while: what was forwarded to the repartition becomes readable here only at the
            // next commit, which would otherwise come up to a commit interval (a second) later. Ask for it now.
            context.commit();
            commitAskedAt = now;
        }
        idle |= quietPunctuations >= QUIET_PUNCTUATIONS && commitAskedAt >= lastReadAt
                && now - Math.max(lastMarkAt, commitAskedAt) >= IDLE_AFTER.toMillis();
        boolean backlog = latestLagMs > BACKLOG_LAG.toMillis() && !idle;
        if (pending.isEmpty()) {
            return;
        }
        // Without a backlog there is nothing better to do: emit now. The last indicators of a replay go out at full
        // speed once it is consumed, and live events never wait behind the hold of an earlier burst.
        if (backlog && now < nextEmissionAt) {
            return;
        }
        long started = System.nanoTime();
        int before = pending.size();
        emitDirty();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        nextEmissionAt = now + BACKOFF_FACTOR * tookMs;
        // No record was read while emitting: that time does not make the input idle.
        lastMarkAt = Math.max(lastMarkAt, now + tookMs);
        emittedLast = true;
        // The indicators go out now, not at the end of the commit interval (a second: see ProcessorConfig).
        context.commit();
        LOG.debug("Emission ({}): {} of {} dirty series in {} ms", backlog ? "backlog" : "live", before - pending.size(), before, tookMs);
    }

    /**
     * Recomputes dirty series and emits what changed, within {@link #PUNCTUATION_BUDGET}: a punctuation runs inside
     * the task's transaction, and one that ran for many seconds (a replay dirtying every series over decades) would
     * outlive the transaction timeout and get the producer fenced. Series left over keep their persistent marks and
     * go first in the next punctuation (the work rotates, so no series starves).
     */
    void emitDirty() {
        boolean liveTraffic = context.currentSystemTimeMs() - lastLiveMarkAt < IDLE_AFTER.toMillis();
        long deadline = System.nanoTime() + (liveTraffic ? LIVE_PUNCTUATION_BUDGET : PUNCTUATION_BUDGET).toNanos();
        PendingSeries everything = pending.remove(FxRatesUpdater.ALL_SERIES);
        if (everything != null) {
            // A rate changed: every series is dirty. Spread it into per-series marks first, so a partial run loses nothing.
            DirtyMark mark = everything.mark();
            for (DimKey k : series.allSeries()) {
                mark(k.toString(), mark);
            }
            dirty.delete(FxRatesUpdater.ALL_SERIES);
        }
        if (pending.isEmpty()) {
            return;
        }
        // Series of live events first (their figures are what a screen waits for), then the others, starting after the
        // series where the previous punctuation stopped, wrapping around.
        List<String> keys = new ArrayList<>(pending.size());
        live.retainAll(pending.keySet());
        TreeSet<String> liveSorted = new TreeSet<>(EMISSION_ORDER);
        liveSorted.addAll(live);
        keys.addAll(liveSorted);
        int liveCount = keys.size();
        TreeSet<String> sorted = new TreeSet<>(EMISSION_ORDER);
        sorted.addAll(pending.keySet());
        List<String> rest = new ArrayList<>(pending.size());
        if (resumeAfter != null) {
            rest.addAll(sorted.tailSet(resumeAfter, false));
            rest.addAll(sorted.headSet(resumeAfter, true));
        } else {
            rest.addAll(sorted);
        }
        for (String k : rest) {
            if (!live.contains(k)) {
                keys.add(k);
            }
        }
        if (rates == null) {
            rates = series.rates();
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String rotatedFrom = resumeAfter;
        resumeAfter = null;
        Map<String, CachedSeries> computed = Map.of();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (i % ROUND == 0) {
                computed = computeStored(keys.subList(i, Math.min(keys.size(), i + ROUND)), rates);
            }
            PendingSeries p = pending.remove(key);
            live.remove(key);
            DimKey series = DimKey.parse(key);
            DirtyMark mark = p.mark();
            CachedSeries totals = computed.get(key);
            emitSeries(series, mark, totals != null ? totals : totals(series, mark, rates), now);
            if (p.isPersisted()) {
                dirty.delete(key);
            }
            if (System.nanoTime() > deadline && i < keys.size() - 1) {
                resumeAfter = i >= liveCount ? key : rotatedFrom; // live series are not part of the rotation
                return;
            }
        }
    }

    /**
     * The totals of a round's stored (FDI, DDI) series, every other one computed on the helper thread, and put in the
     * cache; empty without a helper or with fewer than two. An ALL series is left to the emission loop: it sums its
     * parts' totals from the cache, which is the stream thread's. A series computed but not emitted (the budget ran
     * out) keeps its mark and is cached as the stores are now: its next emission reloads its changed months again.
     */
    private Map<String, CachedSeries> computeStored(List<String> round, FxRates rates) {
        if (helper == null || !(rates instanceof StoreFxRates loaded)) {
            return Map.of();
        }
        List<String> keys = new ArrayList<>(round.size());
        List<DimKey> stored = new ArrayList<>(round.size());
        List<DirtyMark> marks = new ArrayList<>(round.size());
        List<CachedSeries> cached = new ArrayList<>(round.size());
        for (String key : round) {
            DimKey series = DimKey.parse(key);
            if (series.source() != IndicatorSource.ALL) {
                keys.add(key);
                stored.add(series);
                marks.add(pending.get(key).mark());
                cached.add(totals.get(series));
            }
        }
        if (stored.size() < 2) {
            return Map.of();
        }
        // The helper reads the facts' committed values and no store beneath the rates: the writer's held facts are made
        // the committed ones first (as any scan of the writer does), and every rate is read now.
        facts.range("", "").close();
        loaded.loadAll();
        CachedSeries[] out = new CachedSeries[stored.size()];
        Future<?> half = helper.submit(() -> {
            for (int i = 1; i < out.length; i += 2) {
                out[i] = reloaded(stored.get(i), marks.get(i), rates, cached.get(i));
            }
        });
        for (int i = 0; i < out.length; i += 2) {
            out[i] = reloaded(stored.get(i), marks.get(i), rates, cached.get(i));
        }
        try {
            half.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the emission helper converted series", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // e.g. a missing rate, as if the stream thread had converted the series itself
            }
            throw new IllegalStateException("the emission helper failed", e.getCause());
        }
        Map<String, CachedSeries> byKey = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            totals.put(stored.get(i), out[i]);
            byKey.put(keys.get(i), out[i]);
        }
        return byKey;
    }

    /**
     * Series in emission order: by dimension and value, then FDI, DDI, ALL — so an ALL series comes right after the two
     * parts it is the sum of, and usually sums their totals just computed instead of reading its months again.
     */
    static final Comparator<String> EMISSION_ORDER = Comparator.comparing((String k) -> k.substring(k.indexOf(DimKey.SEPARATOR) + 1))
            .thenComparingInt(IndicatorEmitter::sourceRank);

    private static int sourceRank(String seriesKey) {
        return seriesKey.startsWith("FDI|") ? 0 : seriesKey.startsWith("DDI|") ? 1 : 2;
    }

    /**
     * A series' marks merged in memory: every changed month (the in-memory totals reload exactly those) and the latest
     * cause. {@link #persisted} is what the store holds — only the earliest month and whether rates changed, all a
     * new instance needs, since it starts without cached totals and reloads each series whole.
     */
    private static final class PendingSeries {
        /** The first month to recompute ({@link SeriesMarks#month}), {@link #NONE} until a mark says. */
        private int fromMonth = NONE;
        private static final int NONE = Integer.MAX_VALUE;
        /**
         * Changed months as bits, at year × 12 + month − 1: merging an event's mark sets a bit or two. (A sorted set of
         * months took about 8 % of the stream thread in a replay, ten marks per event.)
         */
        private final BitSet changedMonths = new BitSet();
        private boolean ratesChanged;
        private String eventId;
        private String certificateNo;
        private Long ingestedAt;
        private DirtyMark persisted;

        static PendingSeries persisted(DirtyMark stored) {
            PendingSeries p = new PendingSeries();
            p.add(stored, indexes(stored));
            p.persisted = stored;
            return p;
        }

        /** The bits of a mark's changed months. */
        static int[] indexes(DirtyMark m) {
            int[] indexes = new int[m.changedMonths().size()];
            int i = 0;
            for (YearMonth month : m.changedMonths()) {
                indexes[i++] = SeriesMarks.month(month);
            }
            return indexes;
        }

        /** Merges a mark, its changed months given as {@link #indexes}. */
        void add(DirtyMark m, int[] monthIndexes) {
            fromMonth = Math.min(fromMonth, SeriesMarks.month(m.fromMonth()));
            for (int month : monthIndexes) {
                changedMonths.set(month);
            }
            ratesChanged |= m.ratesChanged();
            if (m.eventId() != null) {
                eventId = m.eventId();
                certificateNo = m.certificateNo();
                ingestedAt = m.ingestedAt();
            }
        }

        /** Merges a change of facts in one month ({@link SeriesMarks#month}) caused by an event. */
        void addFacts(int month, String eventId, String certificateNo, Long ingestedAt) {
            fromMonth = Math.min(fromMonth, month);
            changedMonths.set(month);
            this.eventId = eventId;
            this.certificateNo = certificateNo;
            this.ingestedAt = ingestedAt;
        }

        boolean isPersisted() {
            return persisted != null;
        }

        /** The mark the store must hold now, or null when the stored one already covers this series' pending work. */
        DirtyMark widenedPersistentMark() {
            if (persisted != null && fromMonth >= SeriesMarks.month(persisted.fromMonth()) && (!ratesChanged || persisted.ratesChanged())) {
                return null;
            }
            persisted = new DirtyMark(SeriesMarks.yearMonth(fromMonth), new TreeSet<>(), ratesChanged, eventId, certificateNo, ingestedAt);
            return persisted;
        }

        DirtyMark mark() {
            TreeSet<YearMonth> months = new TreeSet<>();
            for (int i = changedMonths.nextSetBit(0); i >= 0; i = changedMonths.nextSetBit(i + 1)) {
                months.add(SeriesMarks.yearMonth(i));
            }
            return new DirtyMark(SeriesMarks.yearMonth(fromMonth), months, ratesChanged, eventId, certificateNo, ingestedAt);
        }
    }

    /**
     * The converted month totals of a series, kept in memory between punctuations so a change costs the months it
     * touched, not the series' whole history. Only a cache of what the stores say: a new task instance (restart,
     * rebalance, aborted transaction) starts empty and reloads from the stores.
     */
    private CachedSeries totals(DimKey key, DirtyMark mark, FxRates rates) {
        CachedSeries cached = totals.get(key);
        CachedSeries current = reloaded(key, mark, rates, cached);
        if (current != cached) {
            totals.put(key, current);
        }
        return current;
    }

    /**
     * The totals of a series as the stores say now: {@code cached} with the months of the mark reloaded (in place), or
     * the whole series when nothing is cached. For a stored series it reads only the stores and the rates, so the
     * helper thread may run it (see {@link #computeStored}); an ALL series also reads the cache of its parts.
     */
    private CachedSeries reloaded(DimKey key, DirtyMark mark, FxRates rates, CachedSeries cached) {
        if (cached == null) {
            cached = new CachedSeries(new TreeMap<>(wholeSeries(key, rates)), new TreeMap<>());
            FigureCalculator.updateCumulative(cached.months, cached.cumulative, null);
            return cached;
        }
        TreeSet<YearMonth> reload = new TreeSet<>(mark.changedMonths());
        if (mark.ratesChanged()) {
            reload.addAll(cached.months.tailMap(mark.fromMonth(), true).keySet());
        }
        for (YearMonth m : reload) {
            MonthTotals t = monthTotals(key, m, rates);
            if (t == null) {
                cached.months.remove(m);
            } else {
                cached.months.put(m, t);
            }
        }
        if (!reload.isEmpty()) {
            FigureCalculator.updateCumulative(cached.months, cached.cumulative, reload.first());
        }
        return cached;
    }

    /**
     * A series' totals by month as {@link SeriesStores#monthTotals(DimKey, FxRates)} reads them; an ALL series summed from
     * the totals of its parts held in memory when those are fresh, which is the same sum (see {@link #fresh}).
     */
    private NavigableMap<YearMonth, MonthTotals> wholeSeries(DimKey key, FxRates rates) {
        if (key.source() != IndicatorSource.ALL) {
            return series.monthTotals(key, rates);
        }
        TreeMap<YearMonth, MonthTotals> out = new TreeMap<>();
        for (DimKey part : key.storedParts()) {
            CachedSeries fresh = fresh(part);
            (fresh != null ? fresh.months : series.monthTotals(part, rates)).forEach((m, t) -> out.merge(m, t, MonthTotals::plus));
        }
        return out;
    }

    /** One month's totals as {@link SeriesStores#monthTotals(DimKey, YearMonth, FxRates)} reads them, ALL from fresh parts. */
    private MonthTotals monthTotals(DimKey key, YearMonth month, FxRates rates) {
        if (key.source() != IndicatorSource.ALL) {
            return series.monthTotals(key, month, rates);
        }
        MonthTotals sum = null;
        for (DimKey part : key.storedParts()) {
            CachedSeries fresh = fresh(part);
            sum = SeriesStores.plus(sum, fresh != null ? fresh.months.get(month) : series.monthTotals(part, month, rates));
        }
        return sum;
    }

    /**
     * A stored series' totals in memory if they are what the stores say now: cached, and no change of it waiting (every
     * fact change and every rate change marks the series; a new task instance starts with no cache). Null otherwise.
     */
    private CachedSeries fresh(DimKey part) {
        return pending.containsKey(part.toString()) ? null : totals.get(part);
    }

    /** Converted month totals of a series and their running sums (cumulative figures). */
    private record CachedSeries(TreeMap<YearMonth, MonthTotals> months, TreeMap<YearMonth, MonthTotals> cumulative) {
    }

    private void emitSeries(DimKey key, DirtyMark mark, CachedSeries cached, Instant now) {
        NavigableMap<YearMonth, MonthTotals> months = cached.months;
        FigureCalculator calc = new FigureCalculator(key.source(), months, cached.cumulative);
        if (months.isEmpty()) {
            return;
        }
        YearMonth from = mark.fromMonth().isBefore(months.firstKey()) ? months.firstKey() : mark.fromMonth();
        // When facts arrive after a gap, the months of the gap (no facts of their own, but cumulative figures)
        // have never been emitted: fill them in too.
        while (from.isAfter(months.firstKey()) && emitted.get(monthKey(key, from.minusMonths(1))) == null) {
            from = from.minusMonths(1);
        }
        YearMonth to = months.lastKey();
        for (PeriodId period : periodsTouching(from, to)) {
            Figures f = calc.figures(period, series.planFor(key, period.year()));
            String keyText = IndicatorRecords.keyText(key, f);
            String fingerprint = f.fingerprint();
            if (fingerprint.equals(emitted.get(keyText))) {
                continue;
            }
            emitted.put(keyText, fingerprint);
            Instant ingestedAt = mark.ingestedAt() == null ? null : Instant.ofEpochMilli(mark.ingestedAt());
            context.forward(new Record<>(IndicatorRecords.key(key, f),
                    IndicatorRecords.indicator(key, f, now, mark.eventId(), mark.certificateNo(), ingestedAt),
                    now.toEpochMilli()));
            // End-to-end lag on the real clock: punctuation time may be a test driver's mocked time.
            vn.investpulse.observability.PulseMetrics.indicatorEmitted(ingestedAt, Instant.now());
        }
    }

    private static String monthKey(DimKey key, YearMonth month) {
        return key + "|" + PeriodKind.MONTH + "|" + PeriodId.month(month);
    }

    /** Every month from {@code from} to {@code to}, with the quarters and years that contain them. */
    static List<PeriodId> periodsTouching(YearMonth from, YearMonth to) {
        TreeSet<PeriodId> out = new TreeSet<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(PeriodId.month(m));
            out.add(PeriodId.of(PeriodKind.QUARTER, m));
            out.add(PeriodId.of(PeriodKind.YEAR, m));
        }
        return new ArrayList<>(out);
    }
}
