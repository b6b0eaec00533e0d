package vn.investpulse.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.Provenance;
import vn.investpulse.schemas.RegistrationEvent;
import vn.investpulse.schemas.Zone;

/**
 * A seeded, synthetic certificate register (sổ đăng ký — certificate register) over 30 years (1996–2025): the same
 * seed and size always give the same events, so a replay can be compared with another replay field by field.
 *
 * <p>The mix is shaped like Hai Phong's: about half the entries are new projects (cấp mới), a quarter capital
 * increases (tăng vốn), then share purchases (góp vốn, mua cổ phần), decreases and terminations (chấm dứt); 70 % FDI
 * in USD (JPY and KRW from 2015, when the bundled rates start), 30 % DDI in VND; every zone of the bundled catalogue,
 * 25 VSIC divisions, 15 investor countries. Dates advance through the 30 years; 5 % of the rows are late (dated up to
 * two years back, as corrected registers are), and a third carry a Hai Phong local time instead of local midnight.
 * Every event passes the ingest validator and the processor's rules, given {@link #fxRates()}.
 */
public final class SyntheticRegister {

    public static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final LocalDate FIRST_DAY = LocalDate.of(1996, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    /** JPY and KRW rates of the bundled reference data start in 2015. */
    private static final LocalDate FOREIGN_CURRENCIES_FROM = LocalDate.of(2015, 1, 1);
    private static final int LATE_DAYS_MAX = 730;

    public static final List<String> SECTORS = List.of("C10", "C13", "C14", "C15", "C16", "C17", "C20", "C22", "C23", "C24",
            "C25", "C26", "C27", "C28", "C29", "C30", "D35", "E38", "F41", "G46", "H49", "H52", "L68", "M71", "N77");
    public static final List<String> COUNTRIES = List.of("KR", "JP", "CN", "SG", "TW", "US", "DE", "HK", "TH", "MY", "FR", "NL",
            "GB", "AU", "IN");
    private static final List<String> CONNECTORS = List.of("csv", "xlsx", "http");

    private final Random random;
    private final int size;
    private final String idPrefix;
    private final List<String> zones;
    private final List<String> certificates = new ArrayList<>();
    private final Instant ingestedAt;
    private int next;

    /**
     * @param seed     the random seed (log it: it reproduces the register)
     * @param size     how many events
     * @param idPrefix prefix of event ids and certificate numbers, so two registers on one topic never collide
     */
    public SyntheticRegister(long seed, int size, String idPrefix) {
        this.random = new Random(seed);
        this.size = size;
        this.idPrefix = idPrefix;
        this.zones = HaiPhongDefaults.zones().stream().map(Zone::getCode).sorted().toList();
        // One ingestion instant for the whole register: two replays of the same seed are byte-identical.
        this.ingestedAt = Instant.parse("2026-01-01T00:00:00Z");
    }

    public int size() {
        return size;
    }

    public List<String> zones() {
        return zones;
    }

    /** The FX rates the events need (the bundled yearly rates). */
    public static List<FxRate> fxRates() {
        return HaiPhongDefaults.fxRates();
    }

    /** The key of an FX rate on {@code pulse.fx-rates.v1}: {@code CURRENCY:yyyy-MM-dd}. */
    public static String fxKey(FxRate rate) {
        return rate.getCurrency() + ":" + rate.getEffectiveDate();
    }

    /** Every remaining event, in register order. */
    public void forEach(Consumer<RegistrationEvent> sink) {
        while (next < size) {
            sink.accept(next());
        }
    }

    /** The next event of the register. */
    public RegistrationEvent next() {
        if (next >= size) {
            throw new IllegalStateException("the register has only " + size + " events");
        }
        int i = next++;
        LocalDate date = dateOf(i);
        EventType type = typeOf(random.nextInt(100));
        String certificate;
        if (type == EventType.NEW || certificates.isEmpty()) {
            type = EventType.NEW;
            certificate = idPrefix + "-GCN-" + certificates.size();
            certificates.add(certificate);
        } else {
            certificate = certificates.get(random.nextInt(certificates.size()));
        }
        // Project attributes follow the certificate, so increases land in the project's own zone and sector.
        int h = Math.floorMod(certificate.hashCode(), Integer.MAX_VALUE);
        boolean fdi = h % 10 < 7;
        String currency = currencyOf(fdi, h, date);
        Instant effectiveAt = random.nextInt(3) == 0
                ? date.atTime(8 + random.nextInt(10), random.nextInt(60)).atZone(HAI_PHONG).toInstant()
                : date.atStartOfDay(HAI_PHONG).toInstant();
        boolean terminated = type == EventType.TERMINATION;
        return RegistrationEvent.newBuilder()
                .setEventId(idPrefix + "-E-" + i)
                .setCertificateNo(certificate)
                .setEventType(type)
                .setCapitalSource(fdi ? CapitalSource.FDI : CapitalSource.DDI)
                .setInvestorName("Investor " + h % 2000)
                .setInvestorCountry(fdi ? COUNTRIES.get(h % COUNTRIES.size()) : "VN")
                .setZoneCode(zones.get(h % zones.size()))
                .setSectorCode(SECTORS.get((h / 7) % SECTORS.size()))
                .setAmount(terminated ? null : amountOf(currency))
                .setCurrency(terminated ? null : currency)
                .setEffectiveAt(effectiveAt)
                .setEffectiveDate(date)
                .setSource(Provenance.newBuilder().setConnector(CONNECTORS.get(i % CONNECTORS.size()))
                        .setFile("synthetic-" + idPrefix).setLine((long) i + 2).build())
                .setIngestedAt(ingestedAt)
                .build();
    }

    private LocalDate dateOf(int i) {
        long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
        LocalDate onTime = FIRST_DAY.plusDays(days * i / Math.max(1, size));
        if (random.nextInt(100) < 5) {
            LocalDate late = onTime.minusDays(random.nextInt(LATE_DAYS_MAX));
            return late.isBefore(FIRST_DAY) ? FIRST_DAY : late;
        }
        return onTime;
    }

    private static EventType typeOf(int roll) {
        if (roll < 52) {
            return EventType.NEW;
        }
        if (roll < 78) {
            return EventType.CAPITAL_INCREASE;
        }
        if (roll < 88) {
            return EventType.SHARE_PURCHASE;
        }
        if (roll < 96) {
            return EventType.CAPITAL_DECREASE;
        }
        return EventType.TERMINATION;
    }

    private static String currencyOf(boolean fdi, int h, LocalDate date) {
        if (!fdi) {
            return "VND";
        }
        if (!date.isBefore(FOREIGN_CURRENCIES_FROM)) {
            if (h % 11 == 0) {
                return "JPY";
            }
            if (h % 13 == 0) {
                return "KRW";
            }
        }
        return "USD";
    }

    private BigDecimal amountOf(String currency) {
        BigDecimal base = BigDecimal.valueOf(1 + random.nextInt(50_000), 2); // 0.01 .. 500.00
        long unit = switch (currency) {
            case "VND" -> 1_000_000_000L;
            case "JPY" -> 10_000_000L;
            case "KRW" -> 100_000_000L;
            default -> 100_000L;
        };
        return base.multiply(BigDecimal.valueOf(unit)).setScale(6, RoundingMode.HALF_UP);
    }
}
