package vn.investpulse.ingest.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.parse.HeaderNames;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.ReferenceKeys;
import vn.investpulse.schemas.Zone;
import vn.investpulse.schemas.ZoneKind;

/** Zone rows: {@code code,name_vi,name_en,kind[,valid_from,valid_to]}, kind KCN (khu công nghiệp) or KKT (khu kinh tế). */
public final class ZoneValidator implements RowValidator<Zone> {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,39}");
    private static final Map<String, ZoneKind> KINDS = Map.of(
            "kcn", ZoneKind.KCN, "khucongnghiep", ZoneKind.KCN,
            "kkt", ZoneKind.KKT, "khukinhte", ZoneKind.KKT);

    @Override
    public TableKind kind() {
        return TableKind.ZONES;
    }

    @Override
    public RowResult<Zone> validate(RawRow row, RowContext context) {
        String rawCode = row.value("code");
        String code = rawCode == null ? null : rawCode.toUpperCase(Locale.ROOT);
        if (row.problem() != null) {
            return RowResult.rejected(row, code, row.problem());
        }
        List<Reason> problems = new ArrayList<>();
        if (code == null) {
            problems.add(Reason.of("missing code", "thiếu mã KCN/KKT (code)"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(Reason.of("zone code '" + rawCode + "' must be letters, digits and '_' (e.g. DEEP_C), at most 40",
                    "mã KCN/KKT '" + rawCode + "' chỉ gồm chữ, số và '_' (ví dụ DEEP_C), tối đa 40 ký tự"));
        }
        String nameVi = Fields.required(row.value("name_vi"), "name_vi", "tên tiếng Việt", problems);
        String nameEn = Fields.required(row.value("name_en"), "name_en", "tên tiếng Anh", problems);
        ZoneKind kind = kind(row.value("kind"), problems);
        LocalDate from = row.value("valid_from") == null ? null
                : Fields.date(row.value("valid_from"), "valid_from", "hiệu lực từ", problems);
        LocalDate to = row.value("valid_to") == null ? null
                : Fields.date(row.value("valid_to"), "valid_to", "hiệu lực đến", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(Reason.of("valid_to " + to + " is before valid_from " + from,
                    "hiệu lực đến " + to + " trước hiệu lực từ " + from));
        }
        if (!problems.isEmpty()) {
            return RowResult.rejected(row, code, Reason.joined(problems));
        }
        Zone zone = new Zone(code, nameVi, nameEn, kind, from, to);
        return RowResult.accepted(row, code, ReferenceKeys.zone(zone), zone);
    }

    private static ZoneKind kind(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing kind", "thiếu loại khu (kind)"));
            return null;
        }
        ZoneKind kind = KINDS.get(HeaderNames.normalize(value));
        if (kind == null) {
            problems.add(Reason.of("unknown zone kind '" + value + "' (expected KCN or KKT)",
                    "loại khu không hợp lệ '" + value + "' (cần KCN hoặc KKT)"));
        }
        return kind;
    }
}
