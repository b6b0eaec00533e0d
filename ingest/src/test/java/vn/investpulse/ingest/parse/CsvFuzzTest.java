package vn.investpulse.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.investpulse.ingest.ImportPlan;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.ingest.validate.EventValidator;
import vn.investpulse.ingest.validate.RowContext;
import vn.investpulse.schemas.RegistrationEvent;

/**
 * Fuzzes the CSV parser and validator together: whatever the body after a valid header, no exception
 * escapes, and every data row ends up accepted, a duplicate, or rejected with a reason in both languages.
 */
class CsvFuzzTest {

    static final String HEADER = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\n";
    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    static final EventValidator VALIDATOR = new EventValidator(HaiPhongDefaults.catalog(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));

    @Property(tries = 400)
    void noExceptionEscapesAndEveryRowIsAccountedFor(@ForAll("bodies") String body) {
        ParsedTable table = CsvTableReader.read(HEADER + body, TableKind.EVENTS);
        ImportPlan<RegistrationEvent> plan = ImportPlan.of("fuzz", table, VALIDATOR, new RowContext("http", "fuzz.csv", NOW));
        ImportReport report = plan.report(true);

        assertThat(report.accepted() + report.duplicates() + report.rejected().size()).isEqualTo(table.rows().size());
        assertThat(report.rejected()).allSatisfy(r -> {
            assertThat(r.reason()).isNotBlank();
            assertThat(r.reasonVi()).isNotBlank();
            assertThat(r.line()).isGreaterThanOrEqualTo(2);
        });
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.rawText()).isNotNull());
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ0123456789.,-:\"\n\r ĐđảÁ+TZ").ofMaxLength(12),
                Arbitraries.of("NEW", "TERMINATION", "CAPITAL_INCREASE", "FDI", "DDI", "KR", "VN", "DEEP_C", "C26",
                        "H52", "C52", "USD", "VND", "JPY", "XYZ", "1000", "-1", "0", "1.1234567", "2024-03-31",
                        "2023-02-30", "2023-12-31T17:10:00Z", "2023-12-31T23:30:00+07:00", "2099-01-01", ""));
        Arbitrary<String> quotedOrNot = Combinators.combine(field, Arbitraries.of(true, false))
                .as((f, quote) -> quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        Arbitrary<String> row = quotedOrNot.list().ofMinSize(1).ofMaxSize(13).map(cells -> String.join(",", cells));
        Arbitrary<String> validRow = Arbitraries.integers().between(1, 99999).map(i ->
                "E" + i + ",C" + i + ",NEW,FDI,\"A, B\",KR,DEEP_C,C26,1000,USD,2024-03-31");
        return Arbitraries.oneOf(row, validRow).list().ofMaxSize(15)
                .map((List<String> rows) -> String.join("\n", rows));
    }
}
