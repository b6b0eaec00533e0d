package vn.investpulse.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.investpulse.ingest.Reason;

/**
 * Reads the first sheet of an XLSX workbook: the first non-empty row is the header (canonical names or the
 * Vietnamese headers of an authority's export), each following row keeps its sheet row number as its line.
 * Number cells keep their exact decimal digits; cells formatted as dates become ISO dates (date-times
 * become date-times with the Asia/Ho_Chi_Minh offset, as spreadsheets hold the wall-clock time).
 */
public final class XlsxTableReader {

    private XlsxTableReader() {
    }

    public static ParsedTable read(byte[] body, TableKind kind) {
        if (body.length < 8 || !ReadableWorkbook.isOOXMLZipHeader(java.util.Arrays.copyOf(body, 8))) {
            throw notXlsx(null);
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            List<RawRow> rows = new ArrayList<>();
            Header header = null;
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    List<String> cells = cells(row);
                    if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                        continue;
                    }
                    if (header == null) {
                        header = Header.resolve(cells, kind);
                        continue;
                    }
                    rows.add(toRow(row.getRowNum(), cells, header));
                }
            }
            if (header == null) {
                throw new TableFormatException(Reason.of(
                        "the first sheet is empty: expected a header row " + String.join(",", kind.columns()),
                        "trang tính đầu tiên trống: cần dòng tiêu đề " + String.join(",", kind.columns())));
            }
            return new ParsedTable(rows, header.ignored());
        } catch (IOException | RuntimeException e) {
            if (e instanceof TableFormatException tfe) {
                throw tfe;
            }
            throw notXlsx(e);
        }
    }

    private static RawRow toRow(int rowNum, List<String> cells, Header header) {
        String raw = String.join("\t", cells.stream().map(c -> c == null ? "" : c).toList());
        int width = lastNonBlank(cells) + 1;
        if (width > header.width()) {
            return RawRow.broken(rowNum, raw, Header.wrongWidth(header.width(), width));
        }
        Map<String, String> values = new HashMap<>(header.values(cells));
        return RawRow.ok(rowNum, values, raw);
    }

    private static int lastNonBlank(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (cells.get(i) != null && !cells.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Optional<Cell> cell = row.getOptionalCell(i);
            cells.add(cell.map(XlsxTableReader::text).orElse(null));
        }
        return cells;
    }

    private static String text(Cell cell) {
        CellType type = cell.getType();
        if (type == null || type == CellType.EMPTY) {
            return null;
        }
        if (type == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatString())) {
                LocalDateTime dt = cell.asDate();
                // Spreadsheet date-times carry no offset: they are the Authority's wall-clock time in Hai Phong.
                return dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? dt.toLocalDate().toString()
                        : dt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime().toString();
            }
            BigDecimal number = new BigDecimal(cell.getRawValue());
            // 35000000 may be stored as 3.5E7 or 35000000.0: keep the value, not the spelling.
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.asBoolean());
        }
        String text = cell.getText();
        return text == null ? cell.getRawValue() : text;
    }

    /** A number format with day/month/year parts and no quoted literal only: how spreadsheets mark date cells. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
        return f.contains("y") || f.contains("d") || (f.contains("m") && f.contains("h"));
    }

    private static TableFormatException notXlsx(Exception cause) {
        return new TableFormatException(Reason.of(
                "the body is not a readable XLSX workbook" + (cause == null ? "" : ": " + cause.getMessage()),
                "nội dung không phải bảng tính XLSX đọc được"), cause);
    }
}
