package vn.investpulse.ingest.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.ReferenceKeys;
import vn.investpulse.ingest.reference.ReferenceLookup;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.PlanTarget;

/** Plan rows (kế hoạch): {@code capital_source,year,amount,currency[,zone_code]}; a revised plan replaces the old one. */
public final class PlanValidator implements RowValidator<PlanTarget> {

    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2100;

    private final ReferenceLookup reference;

    public PlanValidator(ReferenceLookup reference) {
        this.reference = reference;
    }

    @Override
    public TableKind kind() {
        return TableKind.PLANS;
    }

    @Override
    public RowResult<PlanTarget> validate(RawRow row, RowContext context) {
        if (row.problem() != null) {
            return RowResult.rejected(row, null, row.problem());
        }
        List<Reason> problems = new ArrayList<>();
        CapitalSource source = Fields.capitalSource(row.value("capital_source"), problems);
        Integer year = year(row.value("year"), problems);
        BigDecimal amount = Fields.positiveAmount(row.value("amount"), "amount", "số tiền kế hoạch", problems);
        String currency = Fields.currency(row.value("currency"), problems);
        String zone = row.value("zone_code") == null ? null : row.value("zone_code").toUpperCase(Locale.ROOT);
        if (zone != null && !reference.hasZone(zone)) {
            problems.add(Reason.of("unknown zone '" + zone + "' (not in the zones reference data)",
                    "KCN/KKT không xác định '" + zone + "' (chưa có trong danh mục KCN/KKT)"));
        }
        String id = source != null && year != null ? source + ":" + year + (zone == null ? "" : ":" + zone) : null;
        if (!problems.isEmpty()) {
            return RowResult.rejected(row, id, Reason.joined(problems));
        }
        PlanTarget plan = new PlanTarget(source, year, amount, currency, zone);
        return RowResult.accepted(row, id, ReferenceKeys.plan(plan), plan);
    }

    private static Integer year(String value, List<Reason> problems) {
        if (value == null) {
            problems.add(Reason.of("missing year", "thiếu năm (year)"));
            return null;
        }
        try {
            int year = Integer.parseInt(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Reason.of("year '" + value + "' is not a year from " + FIRST_YEAR + " to " + LAST_YEAR,
                "năm '" + value + "' không phải năm từ " + FIRST_YEAR + " đến " + LAST_YEAR));
        return null;
    }
}
