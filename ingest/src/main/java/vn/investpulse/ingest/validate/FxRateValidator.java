package vn.investpulse.ingest.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.investpulse.ingest.Reason;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.ReferenceKeys;
import vn.investpulse.schemas.FxRate;

/** FX rate rows (tỷ giá): {@code currency,effective_date,vnd_per_unit}; a rate holds until the next one of its currency. */
public final class FxRateValidator implements RowValidator<FxRate> {

    @Override
    public TableKind kind() {
        return TableKind.FX_RATES;
    }

    @Override
    public RowResult<FxRate> validate(RawRow row, RowContext context) {
        if (row.problem() != null) {
            return RowResult.rejected(row, null, row.problem());
        }
        List<Reason> problems = new ArrayList<>();
        String currency = Fields.currency(row.value("currency"), problems);
        if ("VND".equals(currency)) {
            problems.add(Reason.of("VND needs no rate: amounts in VND are used as they are",
                    "VND không cần tỷ giá: số tiền VND được dùng nguyên giá trị"));
        }
        LocalDate date = Fields.date(row.value("effective_date"), "effective_date", "ngày hiệu lực", problems);
        BigDecimal rate = Fields.positiveAmount(row.value("vnd_per_unit"), "vnd_per_unit", "tỷ giá", problems);
        String id = currency != null && date != null ? currency + ":" + date : null;
        if (!problems.isEmpty()) {
            return RowResult.rejected(row, id, Reason.joined(problems));
        }
        FxRate fx = new FxRate(currency, date, rate);
        return RowResult.accepted(row, id, ReferenceKeys.fxRate(fx), fx);
    }
}
