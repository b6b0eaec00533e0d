package vn.investpulse.ingest.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import vn.investpulse.ingest.parse.CsvTableReader;
import vn.investpulse.ingest.parse.ParsedTable;
import vn.investpulse.ingest.validate.FxRateValidator;
import vn.investpulse.ingest.validate.PlanValidator;
import vn.investpulse.ingest.validate.RowContext;
import vn.investpulse.ingest.validate.RowResult;
import vn.investpulse.ingest.validate.RowValidator;
import vn.investpulse.ingest.validate.ZoneValidator;
import vn.investpulse.schemas.FxRate;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.Zone;

/**
 * Hai Phong's reference data shipped with ingest (resources under {@code vn/investpulse/ingest/reference/}):
 * the Authority's industrial parks and the Dinh Vu - Cat Hai economic zone, yearly FX rates (USD back to
 * 1995; JPY, KRW, EUR, CNY, SGD, TWD, HKD, THB from 2015; approximate yearly averages, for demos and tests),
 * and annual FDI/DDI plans for recent years. They are read through the same parser and validators as an
 * upload, so a broken default fails loudly.
 */
public final class HaiPhongDefaults {

    public static final String ZONES = "zones.csv";
    public static final String FX_RATES = "fx-rates.csv";
    public static final String PLANS = "plans.csv";

    private HaiPhongDefaults() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = HaiPhongDefaults.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Zone> zones() {
        return read(ZONES, new ZoneValidator());
    }

    public static List<FxRate> fxRates() {
        return read(FX_RATES, new FxRateValidator());
    }

    public static List<PlanTarget> plans() {
        ReferenceCatalog catalog = new ReferenceCatalog();
        zones().forEach(catalog::putZone);
        return read(PLANS, new PlanValidator(catalog));
    }

    /** A catalog with the default zones and FX rates, as validation sees them after seeding. */
    public static ReferenceCatalog catalog() {
        ReferenceCatalog catalog = new ReferenceCatalog();
        zones().forEach(catalog::putZone);
        fxRates().forEach(catalog::putFxRate);
        return catalog;
    }

    private static <T> List<T> read(String name, RowValidator<T> validator) {
        ParsedTable table = CsvTableReader.read(resource(name), validator.kind());
        RowContext context = new RowContext("defaults", name, Instant.EPOCH);
        List<RowResult<T>> results = table.rows().stream().map(row -> validator.validate(row, context)).toList();
        results.stream().filter(r -> !r.isAccepted()).findFirst().ifPresent(r -> {
            throw new IllegalStateException("bundled " + name + " line " + r.line() + ": " + r.reason().en());
        });
        return results.stream().map(RowResult::value).toList();
    }
}
