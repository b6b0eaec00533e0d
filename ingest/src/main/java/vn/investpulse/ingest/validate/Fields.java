package vn.investpulse.ingest.validate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.parse.HeaderNames;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;

/**
 * Field parsers shared by the row validators. Each returns the parsed value, or null after adding the
 * reason to {@code problems}; none throws on bad input.
 */
public final class Fields {

    /** Hai Phong's zone: a date without a time is a local date there, and periods are local dates there. */
    public static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Avro money fields have scale 6. */
    public static final int MONEY_SCALE = 6;
    /** precision 38, scale 6 → at most 32 digits before the point. */
    private static final int MAX_INTEGER_DIGITS = 32;

    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d+))?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?[\\d.]*\\d,\\d[\\d,.]*");
    private static final Pattern SECTOR = Pattern.compile("([A-Z])(\\d{2})");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, EventType> EVENT_TYPES = Map.ofEntries(
            Map.entry("new", EventType.NEW), Map.entry("capmoi", EventType.NEW),
            Map.entry("capitalincrease", EventType.CAPITAL_INCREASE), Map.entry("tangvon", EventType.CAPITAL_INCREASE),
            Map.entry("dieuchinhtangvon", EventType.CAPITAL_INCREASE),
            Map.entry("capitaldecrease", EventType.CAPITAL_DECREASE), Map.entry("giamvon", EventType.CAPITAL_DECREASE),
            Map.entry("dieuchinhgiamvon", EventType.CAPITAL_DECREASE),
            Map.entry("sharepurchase", EventType.SHARE_PURCHASE), Map.entry("gopvonmuacophan", EventType.SHARE_PURCHASE),
            Map.entry("gopvon", EventType.SHARE_PURCHASE), Map.entry("muacophan", EventType.SHARE_PURCHASE),
            Map.entry("gopvonmuacophanphanvongop", EventType.SHARE_PURCHASE),
            Map.entry("termination", EventType.TERMINATION), Map.entry("chamdut", EventType.TERMINATION),
            Map.entry("chamduthoatdong", EventType.TERMINATION));
    private static final Map<String, CapitalSource> CAPITAL_SOURCES = Map.of(
            "fdi", CapitalSource.FDI, "nuocngoai", CapitalSource.FDI, "dautunuocngoai", CapitalSource.FDI,
            "ddi", CapitalSource.DDI, "di", CapitalSource.DDI, "trongnuoc", CapitalSource.DDI,
            "daututrongnuoc", CapitalSource.DDI);

    private Fields() {
    }

    public static String required(String value, String column, String columnVi, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing " + column, "thiếu " + columnVi + " (" + column + ")"));
        }
        return value;
    }

    /** NEW, CAPITAL_INCREASE, ... or the Vietnamese terms of the register (Cấp mới, Tăng vốn, Chấm dứt ...). */
    public static EventType eventType(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing event_type", "thiếu loại sự kiện (event_type)"));
            return null;
        }
        EventType type = EVENT_TYPES.get(HeaderNames.normalize(value));
        if (type == null) {
            problems.add(Reason.of(
                    "unknown event_type '" + value + "' (expected NEW, CAPITAL_INCREASE, CAPITAL_DECREASE, SHARE_PURCHASE or TERMINATION)",
                    "loại sự kiện không hợp lệ '" + value + "' (cần NEW, CAPITAL_INCREASE, CAPITAL_DECREASE, SHARE_PURCHASE hoặc TERMINATION)"));
        }
        return type;
    }

    public static CapitalSource capitalSource(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing capital_source", "thiếu nguồn vốn (capital_source)"));
            return null;
        }
        CapitalSource source = CAPITAL_SOURCES.get(HeaderNames.normalize(value));
        if (source == null) {
            problems.add(Reason.of("unknown capital_source '" + value + "' (expected FDI or DDI)",
                    "nguồn vốn không hợp lệ '" + value + "' (cần FDI hoặc DDI)"));
        }
        return source;
    }

    public static String country(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing investor_country", "thiếu quốc gia nhà đầu tư (investor_country)"));
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            problems.add(Reason.of(
                    "investor_country '" + value + "' is not an ISO 3166-1 alpha-2 code (e.g. KR, JP, VN)",
                    "quốc gia '" + value + "' không phải mã ISO 3166-1 alpha-2 (ví dụ KR, JP, VN)"));
            return null;
        }
        return code;
    }

    /** A VSIC 2018 division with its section letter, e.g. C26; the letter must be the division's section. */
    public static String sector(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing sector_code", "thiếu mã ngành (sector_code)"));
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        Matcher m = SECTOR.matcher(code);
        if (!m.matches() || !Vsic.sectionExists(m.group(1).charAt(0))) {
            problems.add(Reason.of(
                    "sector_code '" + value + "' is not a VSIC 2018 division (a section letter A–U and two digits, e.g. C26)",
                    "mã ngành '" + value + "' không phải ngành cấp 2 VSIC 2018 (chữ cái A–U và hai chữ số, ví dụ C26)"));
            return null;
        }
        char letter = m.group(1).charAt(0);
        int division = Integer.parseInt(m.group(2));
        var section = Vsic.sectionOf(division);
        if (section.isEmpty()) {
            problems.add(Reason.of(
                    "sector_code '" + value + "': division " + m.group(2) + " does not exist in VSIC 2018",
                    "mã ngành '" + value + "': ngành " + m.group(2) + " không có trong VSIC 2018"));
            return null;
        }
        if (section.get() != letter) {
            problems.add(Reason.of(
                    "sector_code '" + value + "': division " + m.group(2) + " belongs to section " + section.get()
                            + " (" + section.get() + m.group(2) + "), not " + letter + " (" + letter + " is " + Vsic.range(letter) + ")",
                    "mã ngành '" + value + "': ngành " + m.group(2) + " thuộc ngành cấp 1 " + section.get()
                            + " (" + section.get() + m.group(2) + "), không phải " + letter));
            return null;
        }
        return code;
    }

    /**
     * A positive decimal with '.' as the point, at most 6 decimals (Avro scale 6: refused rather than rounded).
     * Returned with scale 6.
     */
    public static BigDecimal positiveAmount(String value, String column, String columnVi, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of(column + " is missing", "thiếu " + columnVi + " (" + column + ")"));
            return null;
        }
        Matcher m = DECIMAL.matcher(value);
        if (!m.matches()) {
            if (COMMA_DECIMAL.matcher(value).matches()) {
                problems.add(Reason.of(
                        column + " '" + value + "' is not a number: use '.' as the decimal point and no thousands separators",
                        columnVi + " '" + value + "' không phải số: dùng dấu '.' làm dấu thập phân và không dùng dấu phân cách hàng nghìn"));
            } else {
                problems.add(Reason.of(column + " '" + value + "' is not a number",
                        columnVi + " '" + value + "' không phải là số"));
            }
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            problems.add(Reason.of(column + " must be positive, got " + value,
                    columnVi + " phải lớn hơn 0, nhận được " + value));
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MONEY_SCALE) {
            problems.add(Reason.of(column + " '" + value + "' has more than " + MONEY_SCALE + " decimal places",
                    columnVi + " '" + value + "' có quá " + MONEY_SCALE + " chữ số thập phân"));
            return null;
        }
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            problems.add(Reason.of(column + " '" + value + "' is too large (at most " + MAX_INTEGER_DIGITS + " digits before the point)",
                    columnVi + " '" + value + "' quá lớn (tối đa " + MAX_INTEGER_DIGITS + " chữ số phần nguyên)"));
            return null;
        }
        return amount.setScale(MONEY_SCALE, java.math.RoundingMode.UNNECESSARY);
    }

    /** An ISO 4217 code known to java.util.Currency. */
    public static String currency(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("currency is missing", "thiếu đơn vị tiền tệ (currency)"));
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(Reason.of("currency '" + value + "' is not an ISO 4217 code (e.g. USD, VND, JPY)",
                "đơn vị tiền tệ '" + value + "' không phải mã ISO 4217 (ví dụ USD, VND, JPY)"));
        return null;
    }

    /** A strict ISO date: 2023-02-30 is refused as impossible, not moved to March. */
    public static LocalDate date(String value, String column, String columnVi, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing " + column, "thiếu " + columnVi + " (" + column + ")"));
            return null;
        }
        if (!DATE.matcher(value).matches()) {
            problems.add(Reason.of(column + " '" + value + "' is not an ISO date (yyyy-MM-dd)",
                    columnVi + " '" + value + "' không đúng định dạng ngày ISO (yyyy-MM-dd)"));
            return null;
        }
        try {
            return LocalDate.parse(value, STRICT_DATE);
        } catch (DateTimeParseException e) {
            problems.add(impossibleDate(column, columnVi, value));
            return null;
        }
    }

    /** When a certificate took effect: the instant, and its local date in Hai Phong. */
    public record Effective(Instant at, LocalDate date) {
    }

    /**
     * {@code 2024-03-31} (local midnight in Hai Phong), {@code 2023-12-31T23:30:00+07:00} or
     * {@code 2023-12-31T17:10:00Z}; refused when impossible, without an offset, or later than now + maxFuture.
     */
    public static Effective effectiveAt(String value, Instant now, Duration maxFuture, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing effective_at", "thiếu ngày hiệu lực (effective_at)"));
            return null;
        }
        Instant at;
        if (DATE.matcher(value).matches()) {
            LocalDate date = date(value, "effective_at", "ngày hiệu lực", problems);
            if (date == null) {
                return null;
            }
            at = date.atStartOfDay(HAI_PHONG).toInstant();
        } else {
            at = dateTime(value, problems);
            if (at == null) {
                return null;
            }
        }
        if (at.isAfter(now.plus(maxFuture))) {
            problems.add(Reason.of(
                    "effective_at '" + value + "' is in the future (more than " + human(maxFuture) + " after now, " + now + ")",
                    "ngày hiệu lực '" + value + "' ở tương lai (quá " + humanVi(maxFuture) + " so với hiện tại, " + now + ")"));
            return null;
        }
        // Avro timestamps are milliseconds: keep exactly what will be stored, so re-imports are identical.
        Instant millis = Instant.ofEpochMilli(at.toEpochMilli());
        return new Effective(millis, LocalDate.ofInstant(millis, HAI_PHONG));
    }

    private static Instant dateTime(String value, List<Reason> problems) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // explained below
        }
        Matcher date = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T.*").matcher(value);
        if (date.matches()) {
            try {
                LocalDate.parse(date.group(1), STRICT_DATE);
            } catch (DateTimeParseException e) {
                problems.add(impossibleDate("effective_at", "ngày hiệu lực", value));
                return null;
            }
            try {
                LocalDateTime.parse(value);
                problems.add(Reason.of(
                        "effective_at '" + value + "' has a time but no UTC offset (write e.g. " + value + "+07:00)",
                        "ngày hiệu lực '" + value + "' có giờ nhưng thiếu múi giờ (ví dụ " + value + "+07:00)"));
                return null;
            } catch (DateTimeParseException e) {
                // not a local date-time either: generic message below
            }
        }
        problems.add(Reason.of(
                "effective_at '" + value + "' is not ISO-8601 (2024-03-31, 2024-03-31T09:00:00+07:00 or 2024-03-31T02:00:00Z)",
                "ngày hiệu lực '" + value + "' không đúng ISO-8601 (2024-03-31, 2024-03-31T09:00:00+07:00 hoặc 2024-03-31T02:00:00Z)"));
        return null;
    }

    private static Reason impossibleDate(String column, String columnVi, String value) {
        return Reason.of(column + " '" + value + "' is an impossible date",
                columnVi + " '" + value + "' là ngày không tồn tại");
    }

    static String humanVi(Duration d) {
        return human(d).replace(" days", " ngày").replace(" day", " ngày").replace(" h", " giờ").replace(" s", " giây");
    }

    static String human(Duration d) {
        if (d.toSeconds() % 86_400 == 0 && !d.isZero()) {
            long days = d.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (d.toSeconds() % 3600 == 0 && !d.isZero()) {
            return d.toHours() + " h";
        }
        return d.toSeconds() + " s";
    }
}
