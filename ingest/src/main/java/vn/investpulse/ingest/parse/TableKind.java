package vn.investpulse.ingest.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of table ingest accepts, with their canonical column names (the CSV header names) and the
 * aliases an authority's export may use instead. Header matching ignores case, diacritics, spaces and
 * punctuation (see {@link HeaderNames#normalize}), so {@code event_id}, {@code eventId} and {@code Event ID}
 * are one column. The full table is documented in {@code ingest/ALIASES.md}.
 */
public enum TableKind {

    /** Registration events (biến động đăng ký đầu tư). */
    EVENTS(List.of("event_id", "certificate_no", "event_type", "capital_source", "investor_name",
            "investor_country", "zone_code", "sector_code", "amount", "currency", "effective_at"),
            List.of(),
            aliases(
                    "event_id", List.of("Mã sự kiện", "Mã bản ghi", "Mã biến động", "ID"),
                    "certificate_no", List.of("Số GCNĐKĐT", "Số GCN", "Số giấy chứng nhận", "Số giấy chứng nhận đăng ký đầu tư", "Mã dự án"),
                    "event_type", List.of("Loại", "Loại sự kiện", "Loại biến động", "Hình thức"),
                    "capital_source", List.of("Nguồn vốn", "Loại vốn"),
                    "investor_name", List.of("Nhà đầu tư", "Tên nhà đầu tư", "Chủ đầu tư", "Investor"),
                    "investor_country", List.of("Quốc gia", "Quốc tịch", "Quốc gia/vùng lãnh thổ", "Nước đầu tư", "Country"),
                    "zone_code", List.of("KCN/KKT", "Mã KCN", "Mã KCN/KKT", "Khu công nghiệp", "Zone"),
                    "sector_code", List.of("Ngành", "Mã ngành", "Mã ngành VSIC", "Ngành VSIC", "Sector"),
                    "amount", List.of("Vốn đăng ký", "Vốn đầu tư", "Số vốn", "Vốn đăng ký/điều chỉnh", "Vốn điều chỉnh", "Số tiền"),
                    "currency", List.of("Tiền tệ", "Đơn vị tiền tệ", "Loại tiền", "Đơn vị tiền"),
                    "effective_at", List.of("Ngày hiệu lực", "Ngày cấp", "Ngày cấp/điều chỉnh", "Ngày điều chỉnh"))),

    /** Zones: industrial parks (KCN) and economic zones (KKT). */
    ZONES(List.of("code", "name_vi", "name_en", "kind"),
            List.of("valid_from", "valid_to"),
            aliases(
                    "code", List.of("Mã", "Mã KCN", "Mã KCN/KKT", "zone_code"),
                    "name_vi", List.of("Tên", "Tên tiếng Việt", "Tên KCN/KKT"),
                    "name_en", List.of("Tên tiếng Anh", "English name"),
                    "kind", List.of("Loại", "Loại hình", "Loại khu"),
                    "valid_from", List.of("Hiệu lực từ", "Từ ngày"),
                    "valid_to", List.of("Hiệu lực đến", "Đến ngày"))),

    /** FX rates: VND per unit of a currency from a date on (tỷ giá). */
    FX_RATES(List.of("currency", "effective_date", "vnd_per_unit"),
            List.of(),
            aliases(
                    "currency", List.of("Tiền tệ", "Loại tiền", "Mã tiền tệ"),
                    "effective_date", List.of("Ngày hiệu lực", "Ngày áp dụng", "Từ ngày"),
                    "vnd_per_unit", List.of("Tỷ giá", "Tỷ giá (VND)", "VND"))),

    /** Annual plans (kế hoạch thu hút đầu tư), for the authority or one zone. */
    PLANS(List.of("capital_source", "year", "amount", "currency"),
            List.of("zone_code"),
            aliases(
                    "capital_source", List.of("Nguồn vốn", "Loại vốn"),
                    "year", List.of("Năm"),
                    "amount", List.of("Kế hoạch", "Chỉ tiêu", "Số tiền", "Vốn kế hoạch"),
                    "currency", List.of("Tiền tệ", "Đơn vị tiền tệ", "Loại tiền"),
                    "zone_code", List.of("KCN/KKT", "Mã KCN", "Mã KCN/KKT")));

    private final List<String> required;
    private final List<String> optional;
    private final Map<String, String> byNormalizedName;

    TableKind(List<String> required, List<String> optional, Map<String, List<String>> aliases) {
        this.required = required;
        this.optional = optional;
        Map<String, String> names = new LinkedHashMap<>();
        for (String column : columns()) {
            names.put(HeaderNames.normalize(column), column);
        }
        aliases.forEach((column, list) -> list.forEach(alias -> names.putIfAbsent(HeaderNames.normalize(alias), column)));
        this.byNormalizedName = Map.copyOf(names);
    }

    /** Columns every upload of this kind must have (their values may still be empty, e.g. TERMINATION amount). */
    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    public List<String> columns() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The canonical column a header names, or null when the header is not one of ours (it is then ignored). */
    public String canonical(String header) {
        return byNormalizedName.get(HeaderNames.normalize(header));
    }

    /** Every accepted header spelling, normalized, with its column: for documentation and tests. */
    public Map<String, String> aliasTable() {
        return byNormalizedName;
    }

    public Set<String> requiredSet() {
        return Set.copyOf(required);
    }

    private static Map<String, List<String>> aliases(Object... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], list);
        }
        return map;
    }
}
