package vn.investpulse.ingest.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.Importer;
import vn.investpulse.ingest.IngestService;
import vn.investpulse.ingest.parse.Format;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.ingest.reference.ReferenceCatalog;
import vn.investpulse.ingest.validate.Fields;

/**
 * A synthetic, deterministic Hai Phong dataset shaped like the Economic Zone Authority's published figures
 * (Ban Quản lý Khu kinh tế Hải Phòng): 2018 to today, FDI of roughly 1.5–3.5 bn USD a year (3.5 bn in 2023,
 * with LG Display's 1 bn USD increase and SK's 500 M USD project at Xuân Cầu), DDI of tens of thousands of
 * bn VND a year (23,847 bn VND in 2023), ~60 new FDI projects and ~35 capital increases a year, investors
 * mostly from KR, JP, CN, TW, SG, US, sectors led by C26 electronics and H52 logistics.
 *
 * <p>Each year is generated from its own seeded random stream and events dated after "today" are dropped,
 * so the events up to a date are the same whatever day the demo is loaded: a re-load produces the same
 * event ids, keys and values (the processor counts them once).
 *
 * <p>For the local runtime (PULSE_DEMO=true):
 * <pre>{@code
 * DemoData.load(ingestService);      // zones, FX rates, plans, then the events; waits for readiness first
 * ingestService.startDemoTrickle();  // a new event every PULSE_DEMO_TRICKLE_INTERVAL, stops with the service
 * }</pre>
 * {@link #events(long, LocalDate)} and {@link #eventsCsv(long, LocalDate)} give the rows themselves.
 */
public final class DemoData {

    public static final long SEED = 20_261_121L;
    public static final int FIRST_YEAR = 2018;
    public static final String CONNECTOR = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal BILLION = new BigDecimal("1000000000");

    /** Registered FDI per year, USD (published figures where the reports give them). */
    static final Map<Integer, Long> FDI_USD = Map.of(2018, 1_200_000_000L, 2019, 1_800_000_000L,
            2020, 1_500_000_000L, 2021, 2_600_000_000L, 2022, 1_460_000_000L, 2023, 3_500_000_000L,
            2024, 2_000_000_000L, 2025, 2_600_000_000L, 2026, 2_400_000_000L);
    /** Registered DDI per year, bn VND (tỷ đồng). */
    static final Map<Integer, Long> DDI_BN_VND = Map.of(2018, 9_000L, 2019, 15_000L, 2020, 12_000L,
            2021, 20_000L, 2022, 8_170L, 2023, 23_847L, 2024, 30_000L, 2025, 26_000L, 2026, 24_000L);

    private DemoData() {
    }

    /**
     * Loads the whole demo through the ingest service's importer (the same validation as any upload):
     * Hai Phong's zones, FX rates and plans, then the events up to today (Asia/Ho_Chi_Minh).
     *
     * @return the report of each upload, in order (zones, fx-rates, plans, events)
     */
    public static List<ImportReport> load(IngestService service) {
        if (!service.awaitReady(READY_TIMEOUT)) {
            throw new IllegalStateException("ingest did not become ready within " + READY_TIMEOUT);
        }
        LocalDate today = LocalDate.now(service.clock().withZone(Fields.HAI_PHONG));
        return load(service.importer(), today);
    }

    public static List<ImportReport> load(Importer importer, LocalDate until) {
        List<ImportReport> reports = new ArrayList<>();
        reports.add(importer.importTable(TableKind.ZONES, Format.CSV, HaiPhongDefaults.resource(HaiPhongDefaults.ZONES),
                CONNECTOR, HaiPhongDefaults.ZONES, false));
        reports.add(importer.importTable(TableKind.FX_RATES, Format.CSV, HaiPhongDefaults.resource(HaiPhongDefaults.FX_RATES),
                CONNECTOR, HaiPhongDefaults.FX_RATES, false));
        reports.add(importer.importTable(TableKind.PLANS, Format.CSV, HaiPhongDefaults.resource(HaiPhongDefaults.PLANS),
                CONNECTOR, HaiPhongDefaults.PLANS, false));
        reports.add(importer.importTable(TableKind.EVENTS, Format.CSV,
                eventsCsv(SEED, until).getBytes(StandardCharsets.UTF_8), CONNECTOR, "demo-events.csv", false));
        ImportReport events = reports.get(3);
        LOG.info("Demo data loaded: {} events accepted, {} rejected", events.accepted(), events.rejected().size());
        return reports;
    }

    public static String eventsCsv(long seed, LocalDate until) {
        return DemoRow.toCsv(events(seed, until));
    }

    /** The demo events dated up to and including {@code until}, in date order. */
    public static List<DemoRow> events(long seed, LocalDate until) {
        Generator generator = new Generator(seed);
        List<DemoRow> rows = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= Math.min(until.getYear(), 2026); year++) {
            rows.addAll(generator.year(year));
        }
        return rows.stream()
                .filter(r -> localDate(r.effectiveAt()).compareTo(until) <= 0)
                .toList();
    }

    private static LocalDate localDate(String effectiveAt) {
        return effectiveAt.length() == 10 ? LocalDate.parse(effectiveAt)
                : OffsetDateTime.parse(effectiveAt).atZoneSameInstant(Fields.HAI_PHONG).toLocalDate();
    }

    /**
     * A CSV of {@code rows} valid NEW events (unique ids and certificates, dated 2019–2025), for the import
     * benchmark.
     */
    public static void writeBenchmarkCsv(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        List<DemoRow> out = new ArrayList<>(rows);
        LocalDate start = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < rows; i++) {
            Investor investor = pick(random, Catalogue.FDI_INVESTORS);
            LocalDate date = start.plusDays(random.nextInt(7 * 365));
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(200_000)).multiply(BigDecimal.valueOf(1000));
            out.add(new DemoRow(String.format("BENCH-%d-%07d", seed, i), String.format("B%09d", i), "NEW", "FDI",
                    investor.name(), investor.country(), weighted(random, Catalogue.FDI_ZONES).value(),
                    weighted(random, Catalogue.FDI_SECTORS).value(), amount, "USD", date.toString()));
        }
        Files.writeString(file, DemoRow.toCsv(out), StandardCharsets.UTF_8);
    }

    // ----------------------------------------------------------------------------------------------------

    record Investor(String name, String country) {
    }

    record Weighted<T>(T value, int weight) {
    }

    private record Project(String certificateNo, String source, Investor investor, String zone, String sector,
                           String currency, LocalDate registered) {
    }

    private record Draft(LocalDate date, String type, String source, Project project, BigDecimal usdWeight, String eventTime) {
    }

    /** Carries the project register from year to year; each year draws from its own random stream. */
    private static final class Generator {
        private final long seed;
        private final ReferenceCatalog rates = HaiPhongDefaults.catalog();
        private final List<Project> live = new ArrayList<>();
        private final Set<String> certificates = new HashSet<>();

        private final Map<String, Project> anchorProjects = new LinkedHashMap<>();

        Generator(long seed) {
            this.seed = seed;
            anchorProject("LG Display Co., Ltd.", "KR", "TRANG_DUE", "C26", "2102000001", LocalDate.of(2018, 3, 15));
            anchorProject("Kyocera Document Solutions Inc.", "JP", "VSIP_HP", "C28", "2102000002", LocalDate.of(2018, 5, 10));
            anchorProject("HKT Electronics Co., Ltd.", "KR", "TRANG_DUE", "C26", "2102000003", LocalDate.of(2018, 7, 2));
            anchorProject("Kyungnam Chemical Co., Ltd.", "KR", "NAM_CAU_KIEN", "C20", "2102000004", LocalDate.of(2018, 8, 20));
            anchorProject("Youngjin E&C Co., Ltd.", "KR", "TRANG_DUE", "C25", "2102000005", LocalDate.of(2018, 9, 12));
            anchorProject("Hansung P.T.C Co., Ltd.", "KR", "NAM_CAU_KIEN", "C26", "2102000006", LocalDate.of(2018, 10, 25));
            anchorProject("SK Nexilis Co., Ltd.", "KR", "XUAN_CAU", "C27", "2102000007", LocalDate.of(2023, 6, 9));
            anchorProject("Seyoung Co., Ltd.", "KR", "DEEP_C", "C26", "2102000008", LocalDate.of(2024, 4, 25));
        }

        List<DemoRow> year(int year) {
            Random random = new Random(seed * 31 + year);
            List<Draft> drafts = new ArrayList<>();
            drafts.addAll(anchors(year));
            drafts.addAll(drafts(random, year, "FDI", 45 + random.nextInt(20), 28 + random.nextInt(12),
                    2 + random.nextInt(3), 3 + random.nextInt(4), 1 + random.nextInt(3)));
            drafts.addAll(drafts(random, year, "DDI", 10 + random.nextInt(8), 10 + random.nextInt(6),
                    1 + random.nextInt(2), 1 + random.nextInt(3), random.nextInt(2)));
            drafts.sort(Comparator.comparing(Draft::date).thenComparing(Draft::source).thenComparing(Draft::type));
            List<Draft> placed = place(random, drafts);
            return amounts(random, year, placed);
        }

        /** Published events of note, so the demo shows names the Authority's staff know. */
        private List<Draft> anchors(int year) {
            List<Draft> anchors = new ArrayList<>();
            if (year == FIRST_YEAR) {
                // The projects that grow later were registered in the first demo year, so they count as projects.
                anchorProjects.values().stream().filter(p -> p.registered().getYear() == FIRST_YEAR)
                        .forEach(p -> anchors.add(new Draft(p.registered(), "NEW", "FDI", p,
                                BigDecimal.valueOf(-40_000_000L), null)));
            }
            if (year == 2023) {
                anchors.add(anchor(LocalDate.of(2023, 3, 28), "CAPITAL_INCREASE", "LG Display Co., Ltd.", 1_000_000_000L));
                anchors.add(anchor(LocalDate.of(2023, 6, 9), "NEW", "SK Nexilis Co., Ltd.", 500_000_000L));
                anchors.add(anchor(LocalDate.of(2023, 10, 17), "CAPITAL_INCREASE", "Kyocera Document Solutions Inc.", 237_000_000L));
            }
            if (year == 2024) {
                LocalDate seoul = LocalDate.of(2024, 4, 25);
                anchors.add(anchor(seoul, "NEW", "Seyoung Co., Ltd.", 35_000_000L));
                anchors.add(anchor(seoul, "CAPITAL_INCREASE", "HKT Electronics Co., Ltd.", 73_500_000L));
                anchors.add(anchor(seoul, "CAPITAL_INCREASE", "Kyungnam Chemical Co., Ltd.", 72_000_000L));
                anchors.add(anchor(seoul, "CAPITAL_INCREASE", "Youngjin E&C Co., Ltd.", 51_000_000L));
                anchors.add(anchor(seoul, "CAPITAL_INCREASE", "Hansung P.T.C Co., Ltd.", 60_000_000L));
            }
            return anchors;
        }

        private Draft anchor(LocalDate date, String type, String investor, long usd) {
            return new Draft(date, type, "FDI", anchorProjects.get(investor), BigDecimal.valueOf(-usd), null);
        }

        private void anchorProject(String investor, String country, String zone, String sector, String certificate,
                                   LocalDate registered) {
            certificates.add(certificate);
            anchorProjects.put(investor, new Project(certificate, "FDI", new Investor(investor, country), zone, sector,
                    "USD", registered));
        }

        private List<Draft> drafts(Random random, int year, String source, int news, int increases, int decreases,
                                   int purchases, int terminations) {
            List<Draft> drafts = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("NEW", year == FIRST_YEAR ? news + increases : news);
            counts.put("CAPITAL_INCREASE", year == FIRST_YEAR ? 0 : increases);
            counts.put("CAPITAL_DECREASE", year == FIRST_YEAR ? 0 : decreases);
            counts.put("SHARE_PURCHASE", year == FIRST_YEAR ? 0 : purchases);
            counts.put("TERMINATION", year == FIRST_YEAR ? 0 : terminations);
            counts.forEach((type, n) -> {
                for (int i = 0; i < n; i++) {
                    LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
                    String time = random.nextInt(5) == 0
                            ? OffsetDateTime.of(date, LocalTime.of(8 + random.nextInt(9), random.nextInt(4) * 15),
                            ZoneOffset.ofHours(7)).toString() : null;
                    drafts.add(new Draft(date, type, source, null, weight(random, type), time));
                }
            });
            return drafts;
        }

        /** Heavy-tailed sizes: a few large projects carry most of the capital, as in the reports. */
        private static BigDecimal weight(Random random, String type) {
            double base = Math.exp(random.nextGaussian() * 1.1);
            double factor = switch (type) {
                case "NEW" -> 1.0;
                case "CAPITAL_INCREASE" -> 0.8;
                case "SHARE_PURCHASE" -> 0.3;
                case "CAPITAL_DECREASE" -> 0.15;
                default -> 0.0;
            };
            return BigDecimal.valueOf(base * factor).setScale(6, RoundingMode.HALF_UP);
        }

        /** Gives each draft its project: NEW opens one; the others pick a live project registered before. */
        private List<Draft> place(Random random, List<Draft> drafts) {
            List<Draft> placed = new ArrayList<>();
            for (Draft d : drafts) {
                if (d.project() != null) {
                    if (d.type().equals("NEW")) {
                        live.add(d.project());
                    }
                    placed.add(d);
                    continue;
                }
                List<Project> eligible = live.stream()
                        .filter(p -> p.source().equals(d.source()) && p.registered().isBefore(d.date()))
                        .toList();
                if (d.type().equals("NEW") || eligible.isEmpty()) {
                    Project project = newProject(random, d.source(), d.date());
                    live.add(project);
                    placed.add(new Draft(d.date(), "NEW", d.source(), project, d.usdWeight().signum() == 0
                            ? weight(random, "NEW") : d.usdWeight(), d.eventTime()));
                    continue;
                }
                Project project = eligible.get(random.nextInt(eligible.size()));
                if (d.type().equals("TERMINATION")) {
                    live.remove(project);
                }
                placed.add(new Draft(d.date(), d.type(), d.source(), project, d.usdWeight(), d.eventTime()));
            }
            return placed;
        }

        private Project newProject(Random random, String source, LocalDate date) {
            boolean fdi = source.equals("FDI");
            Investor investor = fdi ? pick(random, Catalogue.FDI_INVESTORS) : pick(random, Catalogue.DDI_INVESTORS);
            if (fdi && random.nextInt(2) == 0) {
                investor = Catalogue.synthesized(random, investor.country());
            }
            String zone = pickZone(random, fdi ? Catalogue.FDI_ZONES : Catalogue.DDI_ZONES, date);
            String sector = weighted(random, fdi ? Catalogue.FDI_SECTORS : Catalogue.DDI_SECTORS).value();
            String currency = fdi ? (random.nextInt(100) < 85 ? "USD" : Catalogue.homeCurrency(investor.country())) : "VND";
            return new Project(certificate(random), source, investor, zone, sector, currency, date);
        }

        private static String pickZone(Random random, List<Weighted<String>> zones, LocalDate date) {
            String zone = weighted(random, zones).value();
            // KCN Xuân Cầu opened for investors in 2023.
            return zone.equals("XUAN_CAU") && date.getYear() < 2023 ? "AN_DUONG" : zone;
        }

        private String certificate(Random random) {
            String no;
            do {
                no = String.format("%d%09d", 2 + random.nextInt(7), random.nextInt(1_000_000_000));
            } while (!certificates.add(no));
            return no;
        }

        /** Scales the drafts' weights so each source's positive capital meets the year's figure. */
        private List<DemoRow> amounts(Random random, int year, List<Draft> drafts) {
            Map<String, BigDecimal> target = Map.of(
                    "FDI", BigDecimal.valueOf(FDI_USD.get(year)),
                    "DDI", BigDecimal.valueOf(DDI_BN_VND.get(year)).multiply(BILLION)
                            .divide(usdRate(LocalDate.of(year, 6, 30)), 6, RoundingMode.HALF_UP));
            Map<String, BigDecimal> fixed = new LinkedHashMap<>(Map.of("FDI", BigDecimal.ZERO, "DDI", BigDecimal.ZERO));
            Map<String, BigDecimal> weights = new LinkedHashMap<>(Map.of("FDI", BigDecimal.ZERO, "DDI", BigDecimal.ZERO));
            for (Draft d : drafts) {
                if (d.usdWeight().signum() < 0) {
                    fixed.merge(d.source(), d.usdWeight().negate(), BigDecimal::add);
                } else if (!d.type().equals("CAPITAL_DECREASE")) {
                    weights.merge(d.source(), d.usdWeight(), BigDecimal::add);
                }
            }
            List<DemoRow> rows = new ArrayList<>();
            int sequence = 0;
            for (Draft d : drafts) {
                sequence++;
                BigDecimal usd;
                if (d.usdWeight().signum() < 0) {
                    usd = d.usdWeight().negate();
                } else {
                    BigDecimal rest = target.get(d.source()).subtract(fixed.get(d.source())).max(BigDecimal.ZERO);
                    BigDecimal total = weights.get(d.source()).signum() == 0 ? BigDecimal.ONE : weights.get(d.source());
                    usd = rest.multiply(d.usdWeight()).divide(total, 6, RoundingMode.HALF_UP);
                }
                rows.add(row(year, sequence, d, usd));
            }
            return rows;
        }

        private DemoRow row(int year, int sequence, Draft d, BigDecimal usd) {
            Project p = d.project();
            String effectiveAt = d.eventTime() != null ? d.eventTime() : d.date().toString();
            String eventId = String.format("HPEZ-%d-%05d", year, sequence);
            if (d.type().equals("TERMINATION")) {
                return new DemoRow(eventId, p.certificateNo(), d.type(), p.source(), p.investor().name(),
                        p.investor().country(), p.zone(), p.sector(), null, null, effectiveAt);
            }
            BigDecimal amount = inCurrency(usd, p.currency(), d.date());
            return new DemoRow(eventId, p.certificateNo(), d.type(), p.source(), p.investor().name(),
                    p.investor().country(), p.zone(), p.sector(), amount, p.currency(), effectiveAt);
        }

        /** Whole thousands of USD, whole millions of VND, round figures in other currencies, never zero. */
        private BigDecimal inCurrency(BigDecimal usd, String currency, LocalDate date) {
            BigDecimal vnd = usd.multiply(usdRate(date));
            BigDecimal amount = currency.equals("VND") ? vnd
                    : vnd.divide(rates.fxRateOn(currency, date).orElseThrow(), 6, RoundingMode.HALF_UP);
            BigDecimal unit = switch (currency) {
                case "VND" -> MILLION;
                case "JPY", "KRW" -> MILLION;
                default -> BigDecimal.valueOf(1000);
            };
            BigDecimal rounded = amount.divide(unit, 0, RoundingMode.HALF_UP).multiply(unit);
            return (rounded.signum() == 0 ? unit : rounded).setScale(0, RoundingMode.UNNECESSARY);
        }

        private BigDecimal usdRate(LocalDate date) {
            return rates.fxRateOn("USD", date).orElseThrow();
        }
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static <T> Weighted<T> weighted(Random random, List<Weighted<T>> values) {
        int total = values.stream().mapToInt(Weighted::weight).sum();
        int r = random.nextInt(total);
        for (Weighted<T> w : values) {
            r -= w.weight();
            if (r < 0) {
                return w;
            }
        }
        return values.get(values.size() - 1);
    }
}
