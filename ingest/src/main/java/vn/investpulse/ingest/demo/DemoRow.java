package vn.investpulse.ingest.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.investpulse.ingest.parse.TableKind;

/** One demo registration event as a CSV row of the event contract (empty amount/currency for a termination). */
public record DemoRow(String eventId, String certificateNo, String eventType, String capitalSource, String investorName,
                      String investorCountry, String zoneCode, String sectorCode, BigDecimal amount, String currency,
                      String effectiveAt) {

    public List<String> cells() {
        return List.of(eventId, certificateNo, eventType, capitalSource, investorName, investorCountry, zoneCode,
                sectorCode, amount == null ? "" : amount.toPlainString(), currency == null ? "" : currency, effectiveAt);
    }

    /** Rows as an RFC 4180 CSV with the canonical header; names with commas and quotes are quoted properly. */
    public static String toCsv(List<DemoRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 140);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(TableKind.EVENTS.required());
            for (DemoRow row : rows) {
                printer.printRecord(row.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
